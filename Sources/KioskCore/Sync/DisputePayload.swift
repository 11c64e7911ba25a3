import Foundation

/// The payload of `dispute.entry`: the case's id and exactly one entry, for the centre to replay
/// with the same rules. An intake carries the case whole.
public struct DisputePayload: Codable, Hashable, Sendable {
    public var id: String
    public var intake: LabourDispute?
    public var decision: DisputeDecision?
    public var session: MediationSession?
    public var extended: Bool?
    public var handedTo: String?
    public var outcome: DisputeOutcome?
    public var by: String
    public var at: Date

    public init(id: String, entry: DisputeEntry, by: String, at: Date) {
        self.id = id
        self.by = by
        self.at = at
        switch entry {
        case .intake(let dispute): intake = dispute
        case .decision(let decision): self.decision = decision
        case .session(let session): self.session = session
        case .extension: extended = true
        case .handOver(let colleague, _, _): handedTo = colleague
        case .outcome(let outcome): self.outcome = outcome
        }
    }

    /// The entry, or nil when the payload sets none or more than one.
    public var entry: DisputeEntry? {
        let entries: [DisputeEntry] = [
            intake.map(DisputeEntry.intake), decision.map(DisputeEntry.decision), session.map(DisputeEntry.session),
            extended == true ? .extension(by: by, at: at) : nil, handedTo.map { .handOver(to: $0, by: by, at: at) },
            outcome.map(DisputeEntry.outcome),
        ].compactMap { $0 }
        return entries.count == 1 ? entries[0] : nil
    }
}
