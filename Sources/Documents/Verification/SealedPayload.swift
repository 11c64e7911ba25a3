import Crypto
import Foundation
import HexCoding

/// A signed payload as it travels: the QR text, and the short code printed beside it.
///
/// The QR text is `SSK1:` and the Base45 (RFC 9285) of the 64-byte signature followed by the
/// payload's JSON. Base45 keeps to QR's alphanumeric set, which packs 23 % more than bytes, so the
/// code stays printable on a receipt roll. The short code is 60 bits of SHA-256 over signature and
/// payload in Crockford Base32 (`7KQ2-M9XD-4HPA`): unguessable, easy to read out on the phone, and
/// the centre's key for looking the certificate up.
public struct SealedPayload: Hashable, Sendable {
    /// The payload's JSON, exactly the bytes that were signed.
    public let message: [UInt8]
    public let signature: [UInt8]

    static let prefix = "SSK1:"
    private static let signatureLength = 64

    /// A payload and its signature as stored, for example in the centre's register of issued documents.
    public init(message: [UInt8], signature: [UInt8]) {
        self.message = message
        self.signature = signature
    }

    /// Signs `payload` with `signer`.
    init(payload: VerificationPayload, signer: any PayloadSigner) throws {
        let message = try payload.encoded()
        let signature = try signer.signature(for: message)
        guard signature.count == Self.signatureLength else {
            throw DocumentError.signingFailed("the signer returned \(signature.count) bytes, not an Ed25519 signature")
        }
        self.init(message: message, signature: signature)
    }

    /// Parses a scanned QR text; the signature is not checked here (see ``DocumentVerifier``).
    public init(qrText: String) throws {
        guard qrText.hasPrefix(Self.prefix) else {
            throw DocumentError.malformedVerification("it does not start with \(Self.prefix)")
        }
        guard let bytes = Base45.decode(String(qrText.dropFirst(Self.prefix.count))) else {
            throw DocumentError.malformedVerification("it is not Base45")
        }
        guard bytes.count > Self.signatureLength else {
            throw DocumentError.malformedVerification("it is too short")
        }
        self.init(
            message: Array(bytes.dropFirst(Self.signatureLength)), signature: Array(bytes.prefix(Self.signatureLength)))
    }

    /// What the QR code holds.
    public var qrText: String { Self.prefix + Base45.encode(signature + message) }

    /// The signed statement, decoded. Its signature is not checked here (see ``DocumentVerifier``).
    public func payload() throws -> VerificationPayload {
        do {
            return try JSONDecoder().decode(VerificationPayload.self, from: Data(message))
        } catch {
            throw DocumentError.malformedVerification("its signed contents are not a payload")
        }
    }

    /// Lower-case hex SHA-256 of the signed bytes: what the centre's register keeps of each document,
    /// so that a scanned code matches its entry only when not one byte was changed.
    public var messageDigest: String {
        SHA256.hash(data: message).compactHexString.lowercased()
    }

    /// The short code printed beside the QR code.
    public var verificationCode: String {
        var hasher = SHA256()
        hasher.update(data: Array("sskiosk verification code 1".utf8))
        hasher.update(data: signature)
        hasher.update(data: message)
        let digest = Array(hasher.finalize())
        // 60 bits: the first 7.5 bytes, as twelve 5-bit groups.
        let bits = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } >> 4
        return CrockfordBase32.grouped(bits, digits: 12)
    }
}
