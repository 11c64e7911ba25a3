import Documents
import KioskCore

extension CentreStore {
    /// Checks a scanned QR code against the register of issued documents: the code's serial must be
    /// registered with the SHA-256 of exactly the bytes the code carries. A registered terminal sent
    /// that hash over mutual TLS when it printed the document, so a match vouches for every byte
    /// without the centre holding each terminal's signing key.
    public func verify(qrText: String) async throws -> DocumentCheck {
        let sealed: SealedPayload
        let payload: VerificationPayload
        do {
            sealed = try SealedPayload(qrText: qrText)
            payload = try sealed.payload()
        } catch {
            throw CentreError.malformedCertificateCode
        }
        guard let entry = try await certificate(serial: payload.serialNumber) else {
            return DocumentCheck(outcome: .unregistered, serial: payload.serialNumber)
        }
        guard entry.payloadHash == sealed.messageDigest else {
            return DocumentCheck(outcome: .altered, serial: payload.serialNumber)
        }
        return DocumentCheck(outcome: .registered, serial: payload.serialNumber, certificate: entry)
    }
}
