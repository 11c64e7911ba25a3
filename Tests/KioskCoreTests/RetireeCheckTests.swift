import Foundation
import KioskCore
import Testing

@Suite("A retiree's qualification check: due, overdue, certified once, reported, suspended by the county")
struct RetireeCheckTests {
    static let dueBy = Date(timeIntervalSince1970: 1_798_732_799)  // 2026-12-31 23:59:59 China time
    static let before = dueBy.addingTimeInterval(-86400)
    static let after = dueBy.addingTimeInterval(86400)
    static let check = RetireeCheck(idNumber: "430102195001011234", year: 2026, dueBy: dueBy)

    static func certification(at date: Date) -> RetireeCheckEntry {
        .certification(RetireeCertification(method: .kiosk, by: "card", at: date))
    }

    @Test("the clock makes it overdue; what is recorded wins over the clock")
    func states() throws {
        #expect(Self.check.state(at: Self.before) == .due && !Self.check.isSuspensionCandidate(at: Self.before))
        #expect(Self.check.state(at: Self.after) == .overdue && Self.check.isSuspensionCandidate(at: Self.after))
        var late = Self.check
        try late.record(Self.certification(at: Self.after), at: .village)
        #expect(late.state(at: Self.after) == .certified && !late.isSuspensionCandidate(at: Self.after))
        let next = try #require(WorkingCalendar.china.dateComponents([.year, .month, .day], from: late.nextDueBy))
        #expect((next.year, next.month, next.day) == (2027, 12, 31), "a year on once certified")
        #expect(Self.check.nextDueBy == Self.dueBy)
        #expect(throws: KioskError.retireeAlreadyCertified) {
            try late.record(Self.certification(at: Self.after), at: .village)
        }
    }

    @Test("a death reported stops certification; only the county suspends, only a candidate")
    func reportedThenSuspended() throws {
        var check = Self.check
        let suspension = RetireeCheckEntry.suspension(RetireeSuspension(reason: "死亡", by: "c", at: Self.before))
        #expect(throws: KioskError.notASuspensionCandidate) { try check.record(suspension, at: .county) }
        try check.record(
            .lifeEvent(
                RetireeLifeEvent(kind: .death, on: "2026-10-01", reporterRelation: "子女", by: "clerk", at: Self.before)),
            at: .village)
        #expect(check.state(at: Self.before) == .reported && check.isSuspensionCandidate(at: Self.before))
        #expect(throws: KioskError.retireeReported) {
            try check.record(Self.certification(at: Self.before), at: .village)
        }
        let township = #expect(throws: KioskError.self) { try check.record(suspension, at: .township) }
        #expect(township?.code == "wrong-level" && township?.httpStatus == 403)
        try check.record(suspension, at: .county)
        #expect(check.state(at: Self.after) == .suspended)
        #expect(throws: KioskError.retireeSuspended) { try check.record(suspension, at: .county) }
        #expect(throws: KioskError.retireeSuspended) {
            try check.record(Self.certification(at: Self.before), at: .village)
        }
    }

    @Test("a payload carries exactly one entry")
    func payload() throws {
        let entry = Self.certification(at: Self.before)
        var payload = RetireeCheckPayload(idNumber: Self.check.idNumber, year: 2026, entry: entry)
        let decoded = try SyncJSON.decoder().decode(
            RetireeCheckPayload.self, from: try SyncJSON.encoder().encode(payload))
        #expect(decoded.entry == entry)
        payload.suspension = RetireeSuspension(reason: "x", by: "c", at: Self.before)
        #expect(payload.entry == nil)
        payload.certification = nil
        payload.suspension = nil
        #expect(payload.entry == nil)
    }
}
