import Foundation
import SocialSecurityCard

/// Labour disputes and petitions (劳动争议调解、信访): a clerk takes the case and answers for it from
/// then on (首问负责), decides within the limit whether to accept it, records the sessions, and ends
/// it with an agreement, a referral or an answer; every limit on the hall's calendar.
extension KioskServices {
    /// What the worker brings, as the clerk typed it.
    public struct DisputeIntake: Sendable {
        public var kind: LabourDispute.Kind
        public var idNumber: String
        public var name: String
        public var phone: String?
        public var employer: DisputeEmployer
        public var category: LabourDispute.Category
        public var claimedYuan: Int?
        public var facts: String

        public init(
            kind: LabourDispute.Kind, idNumber: String, name: String, phone: String?, employer: DisputeEmployer,
            category: LabourDispute.Category, claimedYuan: Int?, facts: String
        ) {
            self.kind = kind
            self.idNumber = idNumber
            self.name = name
            self.phone = phone
            self.employer = employer
            self.category = category
            self.claimedYuan = claimedYuan
            self.facts = facts
        }
    }

    /// Which cases the register lists.
    public enum DisputeFilter: String, CaseIterable, Sendable {
        case open
        case late
        /// The signed-in clerk's own (首问负责): open cases they answer for.
        case mine
        case all
    }

    /// The jurisdiction's cases, newest first, as `filter` picks them.
    public func disputes(_ filter: DisputeFilter, for principal: Principal) async throws -> [LabourDispute] {
        let member = try listingMember(principal, Action.keepDisputes.rawValue)
        try AccessPolicy.authorize(principal, .keepDisputes)
        let at = now()
        let cases = try await store.disputes(region: member.jurisdiction.regionPrefix).filter {
            switch filter {
            case .open: $0.isOpen
            case .late: $0.state(at: at) == .late
            case .mine: $0.isOpen && $0.owner == member.id
            case .all: true
            }
        }
        try await logListRead(principal, "disputes", count: cases.count)
        return cases
    }

    public func dispute(_ id: String, for principal: Principal) async throws -> LabourDispute {
        try await authorizedDispute(id, for: principal)
    }

    /// Takes a case at the desk: the clerk who takes it answers for it, and the day to decide on it
    /// is fixed on today's calendar.
    public func takeDispute(_ intake: DisputeIntake, by principal: Principal) async throws -> LabourDispute {
        guard case .staff = principal else { throw KioskError.forbidden(Action.keepDisputes.rawValue) }
        try AccessPolicy.authorize(principal, .keepDisputes)
        guard let terminal = try await store.terminal() else { throw KioskError.terminalNotInstalled }
        try AccessPolicy.authorize(principal, .keepDisputes, regionCode: terminal.jurisdiction.regionPrefix)
        let idNumber = try InputValidation.idNumber(intake.idNumber, today: CardDate.today()).unmaskedValue
        let employer = try Self.text(intake.employer.name, field: "employer", required: true, chinese: "用人单位名称") ?? ""
        let creditCode = try Self.text(
            intake.employer.creditCode, field: "credit-code", required: false, chinese: "统一社会信用代码")
        if let creditCode, creditCode.wholeMatch(of: /[0-9A-HJ-NPQRTUWXY]{18}/) == nil {
            throw KioskError.invalid(
                "credit-code", chinese: "统一社会信用代码应为18位数字或大写字母。",
                english: "A unified social credit code is 18 digits or capital letters.")
        }
        if let yuan = intake.claimedYuan, !(1...10_000_000).contains(yuan) {
            throw KioskError.invalid(
                "claimed", chinese: "请求金额应在1元至1000万元之间。", english: "The claim is 1 to 10,000,000 yuan.")
        }
        let at = now()
        let draft = LabourDispute(
            id: "", kind: intake.kind, regionCode: terminal.jurisdiction.regionPrefix, idNumber: idNumber,
            name: try InputValidation.name(intake.name),
            phone: try intake.phone.flatMap { $0.isEmpty ? nil : try InputValidation.phone($0) },
            employer: DisputeEmployer(
                name: employer, creditCode: creditCode,
                address: try Self.text(intake.employer.address, field: "address", required: false, chinese: "单位地址"),
                contact: try Self.text(intake.employer.contact, field: "contact", required: false, chinese: "单位联系人")),
            category: intake.category, claimedYuan: intake.claimedYuan,
            facts: try Self.text(intake.facts, field: "facts", required: true, chinese: "事实与请求") ?? "",
            receivedAt: at, receivedBy: principal.actorID,
            decideBy: try await store.workingCalendar().endOfWorkingDay(intake.kind.decisionWorkingDays, after: at))
        return try await store.takeDispute(draft, by: principal, at: at)
    }

    /// Accepts the case (受理) or declines it (不予受理) with why and where to turn.
    public func decideDispute(_ id: String, accepted: Bool, reason: String?, by principal: Principal) async throws
        -> LabourDispute
    {
        let reason = try Self.text(reason, field: "reason", required: !accepted, chinese: "不予受理的理由")
        return try await recordOwned(
            .decision(DisputeDecision(accepted: accepted, reason: reason, by: principal.actorID, at: now())), on: id,
            by: principal)
    }

    /// A mediation's sitting or a talk with the petitioner, on a day from the case's receipt to today.
    public func recordDisputeSession(
        _ id: String, day: String, place: String?, attendees: String, summary: String, by principal: Principal
    ) async throws -> LabourDispute {
        _ = try InputValidation.date(day)
        let session = MediationSession(
            day: day.trimmingSpaces, place: try Self.text(place, field: "place", required: false, chinese: "地点"),
            attendees: try Self.text(attendees, field: "attendees", required: true, chinese: "参加人员") ?? "",
            summary: try Self.text(summary, field: "summary", required: true, chinese: "调解情况") ?? "",
            by: principal.actorID, at: now())
        return try await recordOwned(.session(session), on: id, by: principal) { dispute in
            guard WorkingCalendar.key(of: dispute.receivedAt)...WorkingCalendar.key(of: now()) ~= session.day else {
                throw KioskError.invalid(
                    "day", chinese: "调解日期应在收到申请之日至今天之间。",
                    english: "A session's day is between the day the case was received and today.")
            }
        }
    }

    /// More time, once, with both parties' consent.
    public func extendDispute(_ id: String, by principal: Principal) async throws -> LabourDispute {
        try await recordOwned(.extension(by: principal.actorID, at: now()), on: id, by: principal)
    }

    /// Ends the case: the agreement's terms and money, or why not, or the answer to a petition.
    public func closeDispute(
        _ id: String, result: DisputeOutcome.Result, terms: String, agreedYuan: Int?, performBy: String?,
        by principal: Principal
    ) async throws -> LabourDispute {
        if let yuan = agreedYuan, result != .agreement || !(1...10_000_000).contains(yuan) {
            throw KioskError.invalid(
                "agreed", chinese: "协议金额只用于调解成功的案件，应在1元至1000万元之间。",
                english: "An agreed sum goes with an agreement only, 1 to 10,000,000 yuan.")
        }
        let performBy = try performBy.flatMap { $0.isEmpty ? nil : $0 }.map {
            _ = try InputValidation.date($0)
            return $0.trimmingSpaces
        }
        let outcome = DisputeOutcome(
            result: result, terms: try Self.text(terms, field: "terms", required: true, chinese: "协议内容或办理结果") ?? "",
            agreedYuan: agreedYuan, performBy: performBy, by: principal.actorID, at: now())
        return try await recordOwned(.outcome(outcome), on: id, by: principal)
    }

    /// Gives the case to a colleague of the jurisdiction, who answers for it from then on.
    public func handOverDispute(_ id: String, to colleague: String, by principal: Principal) async throws
        -> LabourDispute
    {
        try await recordOwned(.handOver(to: colleague, by: principal.actorID, at: now()), on: id, by: principal) {
            try await requireCaseworker(colleague, covering: $0.regionCode)
        }
    }

    /// Records `entry` once `check` passes on the case as it stands and the principal answers for it
    /// (its owner) or supervises the hall: the case is read once for all three.
    private func recordOwned(
        _ entry: DisputeEntry, on id: String, by principal: Principal,
        also check: (LabourDispute) async throws -> Void = { _ in }
    ) async throws -> LabourDispute {
        let dispute = try await authorizedDispute(id, for: principal)
        try await check(dispute)
        guard case .staff(let member) = principal, member.id == dispute.owner || member.role == .supervisor else {
            throw KioskError.notCaseOwner
        }
        return try await store.record(entry, onDispute: id, by: principal, at: now())
    }

    /// The case `id`, once `principal` may keep cases of its area.
    private func authorizedDispute(_ id: String, for principal: Principal) async throws -> LabourDispute {
        _ = try listingMember(principal, Action.keepDisputes.rawValue)
        try AccessPolicy.authorize(principal, .keepDisputes)
        guard let dispute = try await store.dispute(id) else { throw KioskError.notFound("dispute", chinese: "该案件") }
        try AccessPolicy.authorize(principal, .keepDisputes, regionCode: dispute.regionCode)
        return dispute
    }
}
