import Foundation
import KioskCore
import Testing

@Suite("Labour disputes and petitions: the limits to decide and to settle, and the order of entries")
struct LabourDisputeTests {
    typealias Day = JobSeekerTests

    static func taken(_ kind: LabourDispute.Kind, on day: String) throws -> LabourDispute {
        let at = try Day.day(day)
        return LabourDispute(
            id: "T1-D1", kind: kind, regionCode: "430121101", idNumber: "430102198507141238", name: "王五",
            phone: nil, employer: DisputeEmployer(name: "某厂", creditCode: nil, address: nil, contact: nil),
            category: .unpaidWages, claimedYuan: nil, facts: "欠薪", receivedAt: at, receivedBy: "clerk1",
            decideBy: WorkingCalendar.published.endOfWorkingDay(kind.decisionWorkingDays, after: at))
    }

    static func decision(_ accepted: Bool, on day: String) throws -> DisputeEntry {
        .decision(
            DisputeDecision(accepted: accepted, reason: accepted ? nil : "不属受理范围", by: "clerk1", at: try Day.day(day)))
    }

    @Test("a petition is decided in 15 working days and settled 60 days from its acceptance, 30 more once")
    func petitionLimits() throws {
        var petition = try Self.taken(.petition, on: "2026-09-29")
        // 9-30, 10-8 to 10-10 (the Saturday worked), 10-12 to 10-16, 10-19 to 10-23, and 10-26.
        #expect(Day.key(petition.decideBy) == "2026-10-26 23:59")
        #expect(petition.state(at: try Day.day("2026-10-26")) == .awaitingDecision)
        #expect(petition.state(at: try Day.day("2026-10-27")) == .late)
        try petition.record(try Self.decision(true, on: "2026-10-20"))
        #expect(Day.key(try #require(petition.settleBy)) == "2026-12-19 23:59")
        try petition.record(.extension(by: "clerk1", at: try Day.day("2026-12-01")))
        #expect(Day.key(try #require(petition.settleBy)) == "2027-01-18 23:59")
        #expect(throws: KioskError.disputeExtended) { try petition.record(.extension(by: "clerk1", at: .now)) }
        let late = DisputeOutcome(
            result: .answered, terms: "书面答复", agreedYuan: nil, performBy: nil, by: "clerk1",
            at: try Day.day("2027-01-19"))
        try petition.record(.outcome(late))
        #expect(petition.state(at: try Day.day("2027-02-01")) == .closedLate && !petition.isOpen)
    }

    @Test(
        "nothing before the decision but a hand-over; nothing after a refusal or an outcome; an agreement only from mediation"
    )
    func orderOfEntries() throws {
        var mediation = try Self.taken(.mediation, on: "2026-11-02")
        let session = DisputeEntry.session(
            MediationSession(day: "2026-11-03", place: nil, attendees: "双方", summary: "调解", by: "clerk1", at: .now))
        #expect(throws: KioskError.disputeNotAccepted) { try mediation.record(session) }
        try mediation.record(.handOver(to: "clerk2", by: "clerk1", at: .now))
        #expect(mediation.owner == "clerk2" && mediation.receivedBy == "clerk1")
        var refused = mediation
        try refused.record(try Self.decision(false, on: "2026-11-03"))
        #expect(refused.state(at: .now) == .declined && refused.settleBy == nil)
        #expect(throws: KioskError.disputeClosed) { try refused.record(session) }

        try mediation.record(try Self.decision(true, on: "2026-11-03"))
        #expect(Day.key(try #require(mediation.settleBy)) == "2026-11-17 23:59", "15 days from the application")
        #expect(throws: KioskError.disputeDecided) { try mediation.record(try Self.decision(true, on: "2026-11-04")) }
        try mediation.record(session)
        let answer = DisputeOutcome(
            result: .answered, terms: "x", agreedYuan: nil, performBy: nil, by: "clerk2", at: .now)
        #expect(throws: KioskError.outcomeMismatch) { try mediation.record(.outcome(answer)) }
        let agreement = DisputeOutcome(
            result: .agreement, terms: "支付工资", agreedYuan: 18_000, performBy: "2026-11-20", by: "clerk2",
            at: try Day.day("2026-11-10"))
        try mediation.record(.outcome(agreement))
        #expect(mediation.state(at: try Day.day("2026-12-01")) == .closed)
        #expect(throws: KioskError.disputeClosed) {
            try mediation.record(.handOver(to: "clerk1", by: "clerk2", at: .now))
        }
    }
}
