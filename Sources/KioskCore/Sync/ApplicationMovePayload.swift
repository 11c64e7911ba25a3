import Foundation

/// The payload of `application.move`: the centre replays the move on its copy, checked against the
/// version the terminal built it on.
public struct ApplicationMovePayload: Codable, Hashable, Sendable {
    public var id: String
    public var status: ApplicationStatus
    /// The actor id as the ledger records it (staff id or masked card), never a full ID number.
    public var by: String
    public var at: Date

    public init(id: String, status: ApplicationStatus, by: String, at: Date) {
        self.id = id
        self.status = status
        self.by = by
        self.at = at
    }
}
