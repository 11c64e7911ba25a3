import Foundation

/// The retirees' annual qualification check (退休人员资格认证) at the terminal.
extension KioskServices {
    /// A person's latest check: the resident's own at the kiosk, anyone's of the jurisdiction for
    /// staff (a read on the ledger). `not-a-retiree` for someone on no list.
    public func retireeCheck(of idNumber: String, for principal: Principal) async throws -> RetireeCheck {
        _ = try await authorizedPerson(idNumber, for: principal, .readPerson)
        guard let check = try await store.retireeCheck(of: idNumber) else { throw KioskError.notARetiree }
        try await logStaffRead(principal, idNumber, detail: "retiree-check")
        return check
    }

    /// The latest checks of the member's jurisdiction in `states` (every state when empty), soonest
    /// due first: the village's due and overdue lists.
    public func retireeChecks(in states: Set<RetireeCheckState>, for principal: Principal) async throws
        -> [RetireeCheckLine]
    {
        let member = try listingMember(principal, Action.readPerson.rawValue)
        let at = now()
        let lines = try await store.retireeChecks(region: member.jurisdiction.regionPrefix).filter {
            states.isEmpty || states.contains($0.check.state(at: at))
        }
        try await logListRead(principal, "retiree-checks", count: lines.count)
        return lines
    }

    /// Certifies the person's check: a resident their own at the kiosk (card and PIN), a clerk by a
    /// home visit, with what they saw. Refused for anyone not on the year's list.
    public func certifyRetiree(_ idNumber: String, note: String?, by principal: Principal) async throws
        -> RetireeCheck
    {
        let method: RetireeCertification.Method
        switch principal {
        case .resident: method = .kiosk
        default: method = .homeVisit
        }
        let note = try Self.text(note, field: "note", required: method == .homeVisit, chinese: "上门认证情况")
        return try await record(
            .certification(RetireeCertification(method: method, by: principal.actorID, at: now(), note: note)),
            on: idNumber, .certifyRetiree, by: principal)
    }

    /// A death or a move away, reported by a family member at the desk.
    public func reportRetireeLifeEvent(
        _ idNumber: String, kind: RetireeLifeEvent.Kind, on day: String, reporterRelation: String,
        by principal: Principal
    ) async throws -> RetireeCheck {
        _ = try InputValidation.date(day)
        guard day.trimmingSpaces <= WorkingCalendar.key(of: now()) else {
            throw KioskError.invalid(
                "date", chinese: "日期不能晚于今天。", english: "The day it happened cannot be after today.")
        }
        let relation = try Self.text(reporterRelation, field: "relation", required: true, chinese: "报告人与本人关系")
        let event = RetireeLifeEvent(
            kind: kind, on: day.trimmingSpaces, reporterRelation: relation ?? "", by: principal.actorID, at: now())
        return try await record(.lifeEvent(event), on: idNumber, .reportRetireeLifeEvent, by: principal)
    }

    /// Suspends the pension of a candidate (overdue, or reported dead or moved away): a supervisor's
    /// decision at the county's terminal, refused below it.
    public func suspendPension(of idNumber: String, reason: String, by principal: Principal) async throws
        -> RetireeCheck
    {
        let reason = try Self.text(reason, field: "reason", required: true, chinese: "暂停发放原因")
        return try await record(
            .suspension(RetireeSuspension(reason: reason ?? "", by: principal.actorID, at: now())), on: idNumber,
            .suspendPension, by: principal)
    }

    /// Records `entry` once `principal` may take `action` on the person, at the lower of the
    /// principal's level and the terminal's: the centre judges the terminal's.
    private func record(
        _ entry: RetireeCheckEntry, on idNumber: String, _ action: Action, by principal: Principal
    ) async throws -> RetireeCheck {
        _ = try await authorizedPerson(idNumber, for: principal, action)
        guard let terminal = try await store.terminal() else { throw KioskError.terminalNotInstalled }
        let level = min(principal.filingLevel(at: terminal), ServiceLevel(terminal.jurisdiction))
        return try await store.record(entry, onCheckOf: idNumber, at: level, by: principal, at: now())
    }
}
