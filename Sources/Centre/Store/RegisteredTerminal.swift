import Foundation
import KioskCore

/// A terminal the centre knows: who it is, the area it may read and write, and the SHA-256 of the
/// token it was given. The token names the terminal; the client certificate it connects with must
/// be the one issued to it (``certificateFingerprint``) or, for a terminal registered by hand
/// before enrolment, one whose common name is its id.
public struct RegisteredTerminal: Codable, Hashable, Sendable {
    public var id: String
    public var jurisdiction: Jurisdiction
    public var name: String
    /// Lower-case hex SHA-256 of the bearer token (``TerminalToken/hash(_:)``).
    public var tokenHash: String
    public var registeredAt: Date
    /// Lower-case hex SHA-256 of the DER of the client certificate the centre's CA issued it at
    /// enrolment; nil for a terminal registered by hand.
    public var certificateFingerprint: String?
    /// Its Ed25519 document-signing public key (hex), sent at enrolment: the centre checks the
    /// signatures of the documents it prints with it.
    public var signingKey: String?
    /// When its certificate and token were revoked; nil while it may sync.
    public var revokedAt: Date?

    public init(
        id: String, jurisdiction: Jurisdiction, name: String, tokenHash: String, registeredAt: Date,
        certificateFingerprint: String? = nil, signingKey: String? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.name = name
        self.tokenHash = tokenHash
        self.registeredAt = registeredAt.wholeMilliseconds
        self.certificateFingerprint = certificateFingerprint
        self.signingKey = signingKey
        self.revokedAt = revokedAt?.wholeMilliseconds
    }
}
