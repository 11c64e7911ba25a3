import Foundation

/// One business handled at a desk, as the day's ledger lists it.
public struct LedgerLine: Hashable, Sendable {
    public var time: Date
    /// The business number (业务流水号).
    public var serialNumber: String
    public var service: String
    /// The person served; the ledger prints the number masked.
    public var applicant: DocumentHolder
    public var outcome: Outcome
    public var clerk: String
    public var note: String

    public init(
        time: Date, serialNumber: String, service: String, applicant: DocumentHolder, outcome: Outcome, clerk: String,
        note: String = ""
    ) {
        self.time = time
        self.serialNumber = serialNumber
        self.service = service
        self.applicant = applicant
        self.outcome = outcome
        self.clerk = clerk
        self.note = note
    }

    /// How the business ended that day.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        /// Done on the spot (即时办结).
        case completed
        /// Taken and pending (受理待办).
        case accepted
        /// Returned for missing papers (退回补正).
        case returned

        var name: String {
            switch self {
            case .completed: "办结"
            case .accepted: "受理待办"
            case .returned: "退回补正"
            }
        }
    }
}
