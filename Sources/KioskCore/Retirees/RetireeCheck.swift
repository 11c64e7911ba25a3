import Foundation

/// One retiree's qualification check of one year (领取养老金人员资格认证): the centre publishes who
/// must show they are alive and still entitled by a day, and a pension goes on only while they do.
/// The check's one outcome is kept: certified, reported dead or moved away, or suspended by the county.
public struct RetireeCheck: Codable, Hashable, Sendable {
    public var idNumber: String
    public var year: Int
    /// The moment the check falls overdue: the end of the last day the centre gave.
    public var dueBy: Date
    public var certification: RetireeCertification?
    public var lifeEvent: RetireeLifeEvent?
    public var suspension: RetireeSuspension?

    public init(
        idNumber: String, year: Int, dueBy: Date, certification: RetireeCertification? = nil,
        lifeEvent: RetireeLifeEvent? = nil, suspension: RetireeSuspension? = nil
    ) {
        self.idNumber = idNumber
        self.year = year
        self.dueBy = dueBy
        self.certification = certification
        self.lifeEvent = lifeEvent
        self.suspension = suspension
    }

    /// Where the check stands at `now`: what was recorded wins over the clock.
    public func state(at now: Date) -> RetireeCheckState {
        if suspension != nil { return .suspended }
        if lifeEvent != nil { return .reported }
        if certification != nil { return .certified }
        return now > dueBy ? .overdue : .due
    }

    /// Whether the county should decide on suspending the pension: the check is overdue, or a
    /// death or a move was reported, and no one suspended it yet.
    public func isSuspensionCandidate(at now: Date) -> Bool {
        [.overdue, .reported].contains(state(at: now))
    }

    /// When the resident must certify next: this check's last moment until it is certified, then the
    /// same moment a year on (the centre publishes next year's list in time for it).
    public var nextDueBy: Date {
        guard certification != nil else { return dueBy }
        return WorkingCalendar.china.date(byAdding: .year, value: 1, to: dueBy) ?? dueBy
    }

    /// Records `entry` as the rules allow it, at a terminal of `level`: a certification only while
    /// the check is open, a death or move once, a suspension by the county alone and only of a
    /// candidate.
    public mutating func record(_ entry: RetireeCheckEntry, at level: ServiceLevel) throws(KioskError) {
        switch entry {
        case .certification(let certification):
            switch state(at: certification.at) {
            case .suspended: throw .retireeSuspended
            case .reported: throw .retireeReported
            case .certified: throw .retireeAlreadyCertified
            case .due, .overdue: self.certification = certification
            }
        case .lifeEvent(let event):
            guard suspension == nil else { throw .retireeSuspended }
            guard lifeEvent == nil else { throw .retireeReported }
            lifeEvent = event
        case .suspension(let suspension):
            guard level == .county else { throw .suspensionAtCountyOnly(level) }
            guard self.suspension == nil else { throw .retireeSuspended }
            guard isSuspensionCandidate(at: suspension.at) else { throw .notASuspensionCandidate }
            self.suspension = suspension
        }
    }
}

/// Where a retiree's check of the year stands.
public enum RetireeCheckState: String, Codable, CaseIterable, Hashable, Sendable {
    /// Not yet certified, the last day still to come.
    case due
    /// Past the last day with no certification: a candidate for suspension.
    case overdue
    case certified
    /// A death or a move away reported by the family: a candidate for suspension.
    case reported
    /// The county suspended the payment.
    case suspended

    public var chineseName: String {
        switch self {
        case .due: "待认证"
        case .overdue: "逾期未认证"
        case .certified: "已认证"
        case .reported: "已报告死亡或迁出"
        case .suspended: "已暂停发放"
        }
    }
}
