import Documents
import Hummingbird
import KioskCore

extension KioskAPI {
    var verificationRoutes: [APIRoute<Context>] {
        [APIRoute(.post, "/api/documents/verify", verifyDocument)]
    }

    /// A clerk scans the QR code of a certificate a resident brings; the centre's register says
    /// whether it was issued exactly so. Any staff may ask: the answer holds no personal data.
    private func verifyDocument(_ request: Request, _ context: Context) async throws -> Response {
        guard case .staff = try await principal(request) else { throw KioskError.forbidden("verify-document") }
        let body = try await JSONBody.decode(DocumentCheckRequest.self, from: request)
        // Checked here first, so that only well-formed codes go to the centre.
        guard (try? SealedPayload(qrText: body.qr).payload()) != nil else { throw APIError.notACertificateCode }
        guard let certificates else { throw APIError.noCentre }
        let verification: DocumentCheck
        do {
            verification = try await certificates.verify(qrText: body.qr)
        } catch {
            throw APIError.centreUnreachable
        }
        return try JSONBody.response(verification)
    }
}
