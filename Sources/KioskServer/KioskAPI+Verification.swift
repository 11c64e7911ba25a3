@preconcurrency import Crypto
import Documents
import Hummingbird
import KioskCore
import Vocabulary

extension KioskAPI {
    var verificationRoutes: [APIRoute<Context>] {
        [
            APIRoute(.post, "/api/documents/verify", verifyDocument),
            APIRoute(.post, "/api/receipts/status", receiptStatus),
        ]
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

    /// Anyone at the kiosk or the desk scans an application's receipt and sees where it stands,
    /// with no card, PIN or sign-in: the code is signed, so it cannot be made up for someone
    /// else's application. The centre answers for receipts from any terminal; this terminal answers
    /// for its own (their signature checked with its own key) while the centre does not know the
    /// receipt yet or cannot be reached.
    private func receiptStatus(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONBody.decode(DocumentCheckRequest.self, from: request)
        guard let sealed = try? SealedPayload(qrText: body.qr), let payload = try? sealed.payload(),
            payload.kind == .applicationReceipt, let id = payload.facts["a"]
        else { throw APIError.notAReceiptCode }
        let holder = payload.holderName.map(MaskedName.init)
        var centreAnswered = certificates == nil
        if let certificates, let check = try? await certificates.verify(qrText: body.qr) {
            centreAnswered = true
            switch check.outcome {
            case .altered: throw APIError.receiptAltered
            case .registered:
                if let application = check.application {
                    return try JSONBody.response(
                        ReceiptStatus(application: application, holder: holder, source: .centre))
                }
            case .unregistered: break
            }
        }
        guard let signer = documents.renderer.signer, payload.keyID == signer.keyID else {
            throw centreAnswered ? APIError.receiptNotYetKnown : APIError.centreUnreachable
        }
        guard (try? DocumentVerifier(trustedKeys: [signer.keyID: signer.publicKey]).verify(sealed)) != nil else {
            throw APIError.receiptAltered
        }
        guard let application = try await services.store.application(id) else { throw APIError.receiptNotYetKnown }
        return try JSONBody.response(
            ReceiptStatus(application: ApplicationProgress(application, at: now()), holder: holder, source: .terminal))
    }
}
