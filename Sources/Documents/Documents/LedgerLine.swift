import Foundation

/// One business handled at a desk, as the register lists it: who took it, who answers for it,
/// and when it was done.
public struct LedgerLine: Hashable, Sendable {
    public var time: Date
    /// The business number (业务流水号).
    public var serialNumber: String
    public var service: String
    /// The person served; the ledger prints the number masked.
    public var applicant: DocumentHolder
    public var outcome: Outcome
    /// Who took it (受理人).
    public var clerk: String
    /// Who answers for it now (负责人, 首问负责); empty when no one took the case.
    public var owner: String
    /// When it was done (办结时间).
    public var completedAt: Date?
    public var note: String

    public init(
        time: Date, serialNumber: String, service: String, applicant: DocumentHolder, outcome: Outcome, clerk: String,
        owner: String = "", completedAt: Date? = nil, note: String = ""
    ) {
        self.time = time
        self.serialNumber = serialNumber
        self.service = service
        self.applicant = applicant
        self.outcome = outcome
        self.clerk = clerk
        self.owner = owner
        self.completedAt = completedAt
        self.note = note
    }

    /// Where the business stands: done in time or late, pending in time or late, or ended otherwise.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        /// Done within its time limit (按时办结).
        case completed
        /// Done after its time limit (超时办结).
        case completedLate = "completed-late"
        /// Taken and pending, within its limit (受理待办).
        case accepted
        /// Pending past its limit (超时未办结).
        case late
        /// Returned for missing papers (退回补正).
        case returned
        /// Refused (不予受理).
        case refused
        /// Withdrawn at the applicant's request (已撤回).
        case withdrawn

        var name: String {
            switch self {
            case .completed: "按时办结"
            case .completedLate: "超时办结"
            case .accepted: "受理待办"
            case .late: "超时未办结"
            case .returned: "退回补正"
            case .refused: "不予受理"
            case .withdrawn: "已撤回"
            }
        }
    }
}
