import Foundation

/// The centre's answer for a scanned QR code (`POST /sync/v1/verify`): whether its register holds
/// the document exactly as scanned. It says nothing about the holder: the paper carries that. For an
/// application's receipt it also says where that application stands now, which the receipt's code
/// is the resident's way to ask.
public struct DocumentCheck: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Hashable, Sendable {
        /// The register holds this serial with this payload's hash: the document is as issued.
        case registered
        /// The register holds this serial with another hash: the code was altered or forged.
        case altered
        /// No document under this serial, or not yet: the terminal that printed it may still be
        /// offline with the entry in its outbox.
        case unregistered
    }

    public var outcome: Outcome
    /// The serial the code names.
    public var serial: String
    /// The register's entry, when the outcome is `registered`.
    public var certificate: SignedCertificate?
    /// Whether the centre checked the code's signature with the document key the signing terminal
    /// enrolled with (nil from a centre that does not say).
    public var signatureChecked: Bool?
    /// A registered receipt's application as the centre holds it now (nil for other documents, and
    /// from a centre that does not say).
    public var application: ApplicationProgress?

    public init(
        outcome: Outcome, serial: String, certificate: SignedCertificate? = nil, signatureChecked: Bool? = nil,
        application: ApplicationProgress? = nil
    ) {
        self.outcome = outcome
        self.serial = serial
        self.certificate = certificate
        self.signatureChecked = signatureChecked
        self.application = application
    }
}

/// The body of `POST /sync/v1/verify`.
public struct DocumentCheckRequest: Codable, Hashable, Sendable {
    /// The QR code's text as scanned (`SSK1:` …).
    public var qr: String

    public init(qr: String) { self.qr = qr }
}
