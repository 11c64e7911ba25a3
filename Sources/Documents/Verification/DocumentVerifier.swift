@preconcurrency import Crypto
import Foundation

/// Checks a scanned certificate code: signature by a trusted key, format, and, when the verifier
/// has the paper, that the printed short code belongs to the QR code.
///
/// It answers only "is this payload genuine"; whether the certificate was revoked or superseded
/// is the centre's register to say, looked up by serial number or short code.
public struct DocumentVerifier: Sendable {
    private let trustedKeys: [String: Curve25519.Signing.PublicKey]

    /// `trustedKeys` by key id: the public keys of the terminals and offices whose documents count.
    public init(trustedKeys: [String: Curve25519.Signing.PublicKey]) {
        self.trustedKeys = trustedKeys
    }

    /// The payload of a genuine QR text; throws ``DocumentError/signatureInvalid`` when anything in
    /// it was altered.
    public func verify(qrText: String) throws -> VerificationPayload {
        try verify(SealedPayload(qrText: qrText))
    }

    /// As ``verify(qrText:)``, and also checks the short code printed on the paper (dashes, case
    /// and the letters Crockford Base32 confuses — O, I, L — do not matter).
    public func verify(qrText: String, printedCode: String) throws -> VerificationPayload {
        let sealed = try SealedPayload(qrText: qrText)
        let payload = try verify(sealed)
        guard CrockfordBase32.normalised(printedCode) == CrockfordBase32.normalised(sealed.verificationCode) else {
            throw DocumentError.verificationCodeMismatch
        }
        return payload
    }

    /// Checks the signature with the key the payload names, then decodes it.
    public func verify(_ sealed: SealedPayload) throws -> VerificationPayload {
        let keyID: String
        do {
            keyID = try JSONDecoder().decode(KeyIDOnly.self, from: Data(sealed.message)).kid
        } catch {
            throw DocumentError.malformedVerification("its contents are not a payload")
        }
        guard let key = trustedKeys[keyID] else { throw DocumentError.unknownSigningKey(keyID) }
        guard key.isValidSignature(sealed.signature, for: sealed.message) else {
            throw DocumentError.signatureInvalid
        }
        let payload = try sealed.payload()
        guard payload.version == VerificationPayload.currentVersion else {
            throw DocumentError.unsupportedVerificationVersion(payload.version)
        }
        return payload
    }

    /// Just the key id, read before the signature can be checked.
    private struct KeyIDOnly: Decodable {
        var kid: String
    }
}
