import Foundation

/// The payload of `application.move`: the centre replays the case action on its copy, checked
/// against the version the terminal built it on and the level the case is at.
public struct ApplicationMovePayload: Codable, Hashable, Sendable {
    public var id: String
    /// What was done; nil from a terminal older than routes, which sent status moves only.
    public var action: CaseAction?
    /// The status after the action.
    public var status: ApplicationStatus
    /// The owner after the action (首问负责): whoever took the case or was handed it.
    public var owner: String?
    /// A refusal's reason and the clerk's words for the resident.
    public var rejection: Rejection?
    /// The actor id as the ledger records it (staff id or masked card), never a full ID number.
    public var by: String
    public var at: Date

    public init(
        id: String, action: CaseAction? = nil, status: ApplicationStatus, owner: String? = nil,
        rejection: Rejection? = nil, by: String, at: Date
    ) {
        self.id = id
        self.action = action
        self.status = status
        self.owner = owner
        self.rejection = rejection
        self.by = by
        self.at = at
    }
}
