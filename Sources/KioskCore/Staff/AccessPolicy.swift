/// Who may do what, and where. One table, so a review of the rules reads one file.
public enum AccessPolicy {
    /// The actions each role may take. Residents act on their own records only.
    static func allows(_ role: Role, _ action: Action) -> Bool {
        switch role {
        case .clerk:
            [
                .readPerson, .submitApplication, .handleApplication, .requestCard, .personaliseCard, .printCardFace,
                .issueCard,
                .activateCard,
                .reportLoss, .liftLoss, .replaceCard, .unblockCardApplication, .printDocument, .readFullIDNumber,
                .certifyRetiree, .reportRetireeLifeEvent, .rateService, .keepEmploymentRegister,
                .publishJobPosting, .keepAppointments, .keepDisputes,
            ]
            .contains(action)
        case .supervisor:
            action != .runDiagnostics
        case .technician:
            action == .runDiagnostics || action == .readStatistics
        case .auditor:
            action == .readLedger || action == .readStatistics
        }
    }

    static let residentActions: Set<Action> = [
        .readPerson, .submitApplication, .reportLoss, .printDocument, .activateCard, .certifyRetiree, .rateService,
        .keepAppointments,
    ]

    /// Whether this principal may see personal fields (names, ID numbers, records) at all.
    public static func seesPersonalData(_ principal: Principal) -> Bool {
        switch principal {
        case .resident: true
        case .staff(let member): member.role == .clerk || member.role == .supervisor
        case .administrator, .centre: false
        }
    }

    /// Throws unless `principal` may take `action` on a person in `regionCode` with `idNumber`.
    public static func authorize(
        _ principal: Principal,
        _ action: Action,
        regionCode: String? = nil,
        idNumber: String? = nil
    ) throws(KioskError) {
        switch principal {
        case .resident(let own):
            guard residentActions.contains(action) else { throw .forbidden(action.rawValue) }
            if let idNumber, idNumber != own { throw .forbidden(action.rawValue) }
        case .staff(let member):
            guard allows(member.role, action) else { throw .forbidden(action.rawValue) }
            if let regionCode, !member.jurisdiction.contains(regionCode) { throw .outsideJurisdiction }
        case .administrator, .centre: throw .forbidden(action.rawValue)
        }
    }
}
