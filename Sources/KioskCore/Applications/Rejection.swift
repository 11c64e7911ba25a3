/// Why an application was refused: a reason from the published list, and the clerk's own words.
public struct Rejection: Codable, Hashable, Sendable {
    public var reason: RejectionReason
    /// Free text for the resident's receipt; kept with the application, never on the ledger.
    public var note: String

    public init(reason: RejectionReason, note: String) {
        self.reason = reason
        self.note = note
    }
}
