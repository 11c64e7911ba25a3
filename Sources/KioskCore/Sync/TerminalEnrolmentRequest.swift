/// The body of `POST /enrol/v1`: a terminal joining its centre with the one-time code a county
/// administrator gave it. The keys were made on the terminal; only their public halves travel.
public struct TerminalEnrolmentRequest: Codable, Hashable, Sendable {
    /// The one-time code as typed (case and dashes do not matter).
    public var code: String
    /// A PKCS #10 request (PEM) for the terminal's TLS client key, signed with that key.
    public var certificateRequest: String
    /// The terminal's Ed25519 document-signing public key, 32 bytes as hex.
    public var signingKey: String

    public init(code: String, certificateRequest: String, signingKey: String) {
        self.code = code
        self.certificateRequest = certificateRequest
        self.signingKey = signingKey
    }

    /// Far more than a request and a key take.
    public static let maximumBytes = 16 << 10
}
