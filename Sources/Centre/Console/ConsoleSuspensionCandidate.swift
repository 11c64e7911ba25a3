import Foundation
import KioskCore
import Vocabulary

/// A retiree whose pension the county should decide on suspending, as the console lists it: the
/// check overdue, or a death or move reported at a desk. The ID number masked, as the desk shows
/// it; the county's supervisor suspends at the county's desk with the full number from the papers.
public struct ConsoleSuspensionCandidate: Codable, Hashable, Sendable {
    public var idNumber: String
    /// The village whose retiree it is.
    public var regionCode: String
    public var year: Int
    public var dueBy: Date
    public var reason: Reason
    /// The reason in words, for the county's staff.
    public var reasonName: String

    public enum Reason: String, Codable, Hashable, Sendable {
        case overdue
        case death
        case movedAway = "moved-away"
    }

    public init(_ check: RetireeCheck, regionCode: String) {
        idNumber = MaskedIDNumber(check.idNumber).text
        self.regionCode = regionCode
        year = check.year
        dueBy = check.dueBy
        switch check.lifeEvent?.kind {
        case .death?:
            reason = .death
            reasonName = "家属报告死亡"
        case .movedAway?:
            reason = .movedAway
            reasonName = "家属报告迁出"
        case nil:
            reason = .overdue
            reasonName = "逾期未认证"
        }
    }
}
