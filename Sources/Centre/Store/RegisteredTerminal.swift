import Foundation
import KioskCore

/// A terminal the centre knows: who it is, the area it may read and write, and the SHA-256 of the
/// token it was given. The token names the terminal; nothing else in a request does.
public struct RegisteredTerminal: Codable, Hashable, Sendable {
    public var id: String
    public var jurisdiction: Jurisdiction
    public var name: String
    /// Lower-case hex SHA-256 of the bearer token (``TerminalToken/hash(_:)``).
    public var tokenHash: String
    public var registeredAt: Date

    public init(id: String, jurisdiction: Jurisdiction, name: String, tokenHash: String, registeredAt: Date) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.name = name
        self.tokenHash = tokenHash
        self.registeredAt = registeredAt.wholeMilliseconds
    }
}
