import Foundation
import KioskCore
import Testing

@Suite("Case rules: the owner handles, another decides, each refusal with its reason")
struct CaseRulesTests {
    static let monday = ISO8601DateFormatter().date(from: "2026-11-23T02:00:00Z")!

    static func staff(_ id: String, _ role: Role, _ region: String = "430102001") throws -> Principal {
        .staff(StaffMember(id: id, name: id, role: role, jurisdiction: try Jurisdiction(region)))
    }

    let application = Application(
        id: "T1-1", kind: .residentPensionEnrolment, idNumber: "430102198507141238", submittedBy: "clerk1",
        submittedAt: monday, terminalID: "T1", regionCode: "430102001001")

    @Test("taking: the first wins, a closed case cannot be taken, another jurisdiction cannot")
    func take() throws {
        let clerk2 = try Self.staff("clerk2", .clerk)
        let taken = try CaseRules.apply(.take, to: application, by: clerk2, at: Self.monday)
        #expect(taken.owner == "clerk2")
        #expect(throws: KioskError.caseOwned(by: "clerk2")) {
            try CaseRules.apply(.take, to: taken, by: try Self.staff("clerk1", .clerk), at: Self.monday)
        }
        #expect(throws: KioskError.caseAlreadyYours) {
            try CaseRules.apply(.take, to: taken, by: clerk2, at: Self.monday)
        }
        #expect(throws: KioskError.outsideJurisdiction) {
            try CaseRules.apply(.take, to: application, by: try Self.staff("x", .clerk, "110105001"), at: Self.monday)
        }
        var closed = application
        closed.status = .withdrawn
        #expect(throws: KioskError.caseClosed) { try CaseRules.apply(.take, to: closed, by: clerk2, at: Self.monday) }
    }

    @Test("the offers a clerk and a supervisor see on a case the clerk owns")
    func offers() throws {
        let clerk = try Self.staff("clerk2", .clerk)
        let owned = try CaseRules.apply(.take, to: application, by: clerk, at: Self.monday)
        let allowed = { (principal: Principal) in
            Set(CaseRules.offers(for: owned, to: principal, at: Self.monday).filter(\.allowed).map(\.action))
        }
        #expect(allowed(clerk) == [.handOver, .requestMaterials, .refer, .withdraw])
        #expect(allowed(try Self.staff("supervisor1", .supervisor)) == [.approve, .reject])
        #expect(allowed(try Self.staff("auditor1", .auditor)).isEmpty)
        let refusals = CaseRules.offers(for: owned, to: clerk, at: Self.monday).filter { !$0.allowed }
        #expect(refusals.allSatisfy { $0.reasonChinese?.isEmpty == false && $0.reasonCode != nil })
    }
}
