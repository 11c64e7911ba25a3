/// Where `sskiosk enrol` leaves what the terminal got at enrolment, and where `sskiosk serve` looks
/// for it when not told otherwise: the keys and the token private to the service's user (0600),
/// in a directory only it may enter (0700).
public struct EnrolmentDirectory: Sendable {
    public static let standard = "/var/lib/sskiosk/enrolment"

    public let path: String

    public init(_ path: String = Self.standard) { self.path = path }

    /// The TLS client certificate the centre's CA issued (PEM).
    public var certificate: String { path + "/terminal.pem" }
    /// Its P-256 private key (PEM, 0600), made on the terminal.
    public var key: String { path + "/terminal.key" }
    /// The bearer token (0600).
    public var token: String { path + "/token" }
    /// The Ed25519 document-signing key's seed as 64 hex digits (0600), made on the terminal.
    public var documentKey: String { path + "/document.key" }
    /// The centre's CA certificate the terminal trusted at enrolment (PEM).
    public var centreCA: String { path + "/centre-ca.pem" }
}
