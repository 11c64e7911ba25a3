@preconcurrency import Crypto
import Documents
import Foundation
import HexCoding
import KioskCore

extension CentreStore {
    /// Checks a scanned QR code. When the terminal that signed it (the payload's key id) enrolled
    /// with a document-signing key, the centre checks the signature itself with that key: a code it
    /// does not verify is `altered` whatever the register says. Then the code's serial must be
    /// registered with the SHA-256 of exactly the bytes the code carries; the terminal sent that hash
    /// over mutual TLS when it printed the document. A terminal registered by hand, with no key at the
    /// centre, is judged by the register alone. A registered receipt's answer carries its
    /// application as it stands now.
    public func verify(qrText: String) async throws -> DocumentCheck {
        let sealed: SealedPayload
        let payload: VerificationPayload
        do {
            sealed = try SealedPayload(qrText: qrText)
            payload = try sealed.payload()
        } catch {
            throw CentreError.malformedCertificateCode
        }
        var signatureChecked = false
        if let hex = try await terminal(id: payload.keyID)?.signingKey {
            guard let raw = [UInt8](hex: hex), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
            else {
                throw CentreError.internalError
            }
            guard (try? DocumentVerifier(trustedKeys: [payload.keyID: key]).verify(sealed)) != nil else {
                return DocumentCheck(outcome: .altered, serial: payload.serialNumber, signatureChecked: true)
            }
            signatureChecked = true
        }
        guard let entry = try await certificate(serial: payload.serialNumber) else {
            return DocumentCheck(
                outcome: .unregistered, serial: payload.serialNumber, signatureChecked: signatureChecked)
        }
        guard entry.payloadHash == sealed.messageDigest else {
            return DocumentCheck(outcome: .altered, serial: payload.serialNumber, signatureChecked: signatureChecked)
        }
        var application: ApplicationProgress?
        if payload.kind == .applicationReceipt, let id = payload.facts["a"],
            let stored = try await self.application(id: id)
        {
            application = ApplicationProgress(stored, at: Date())
        }
        return DocumentCheck(
            outcome: .registered, serial: payload.serialNumber, certificate: entry, signatureChecked: signatureChecked,
            application: application)
    }
}
