import Foundation

/// A document a terminal signed, registered at the centre (the payload of `certificate.issue`) so
/// that the QR code printed on it can be checked there: the serial the code carries and the SHA-256
/// of the signed payload. No personal data: the payload itself stays on paper.
public struct SignedCertificate: Codable, Hashable, Sendable {
    public var serial: String
    public var kind: String
    /// Lower-case hex SHA-256 of the signed payload.
    public var payloadHash: String
    public var keyID: String
    public var regionCode: String
    public var signedAt: Date

    public init(serial: String, kind: String, payloadHash: String, keyID: String, regionCode: String, signedAt: Date) {
        self.serial = serial
        self.kind = kind
        self.payloadHash = payloadHash
        self.keyID = keyID
        self.regionCode = regionCode
        self.signedAt = signedAt.wholeMilliseconds
    }
}
