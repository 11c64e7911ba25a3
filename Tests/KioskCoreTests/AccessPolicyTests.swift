import KioskCore
import Testing

@Suite("Roles, jurisdictions and residents")
struct AccessPolicyTests {
    static func staff(_ role: Role, _ region: String = "430102") -> Principal {
        .staff(StaffMember(id: "\(role)-1", name: "测试", role: role, jurisdiction: try! Jurisdiction(region)))
    }

    @Test("every role is refused every action outside its list", arguments: Role.allCases)
    func roleMatrix(role: Role) {
        let expected: Set<Action> =
            switch role {
            case .clerk:
                [
                    .readPerson, .submitApplication, .handleApplication, .requestCard, .personaliseCard,
                    .printCardFace, .issueCard,
                    .activateCard, .reportLoss, .liftLoss, .replaceCard, .unblockCardApplication, .printDocument,
                    .readFullIDNumber, .certifyRetiree, .reportRetireeLifeEvent, .rateService, .keepEmploymentRegister,
                    .publishJobPosting, .keepAppointments, .keepDisputes,
                ]
            case .supervisor: Set(Action.allCases).subtracting([.runDiagnostics])
            case .technician: [.runDiagnostics, .readStatistics]
            case .auditor: [.readLedger, .readStatistics]
            }
        for action in Action.allCases {
            let allowed = (try? AccessPolicy.authorize(Self.staff(role), action)) != nil
            #expect(allowed == expected.contains(action), "\(role) \(action)")
        }
    }

    @Test("a clerk acts only inside their jurisdiction, at any level")
    func jurisdiction() throws {
        let township = Self.staff(.clerk, "430102001")
        try AccessPolicy.authorize(township, .readPerson, regionCode: "430102001005")
        #expect(throws: KioskError.outsideJurisdiction) {
            try AccessPolicy.authorize(township, .readPerson, regionCode: "430102002001")
        }
        #expect(throws: KioskError.outsideJurisdiction) {
            try AccessPolicy.authorize(township, .readPerson, regionCode: "430103")
        }
        try AccessPolicy.authorize(Self.staff(.supervisor, "43"), .approveApplication, regionCode: "430723104")
        #expect(throws: KioskError.self) { try Jurisdiction("4301023") }
    }

    @Test("a resident acts on their own records only; technicians and auditors see no personal data")
    func residentsAndPersonalData() throws {
        let resident = Principal.resident(idNumber: "430102198507141238")
        try AccessPolicy.authorize(resident, .readPerson, idNumber: "430102198507141238")
        #expect(throws: KioskError.forbidden("")) {
            try AccessPolicy.authorize(resident, .readPerson, idNumber: "11010519491231002X")
        }
        #expect(throws: KioskError.forbidden("")) { try AccessPolicy.authorize(resident, .approveApplication) }
        #expect(throws: KioskError.forbidden("")) { try AccessPolicy.authorize(resident, .readFullIDNumber) }
        #expect(AccessPolicy.seesPersonalData(resident))
        #expect(AccessPolicy.seesPersonalData(Self.staff(.clerk)))
        #expect(!AccessPolicy.seesPersonalData(Self.staff(.technician)))
        #expect(!AccessPolicy.seesPersonalData(Self.staff(.auditor)))
        #expect(resident.ledgerName == "card:4301**********1238")
    }
}
