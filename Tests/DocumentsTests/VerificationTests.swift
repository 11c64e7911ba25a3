@preconcurrency import Crypto
import Documents
import Foundation
import TestSupport
import Testing

@Suite struct VerificationTests {
    /// Every certificate kind, rendered, its QR code read back from the page image by zbarimg and
    /// verified, the short code on the paper matching.
    @Test(arguments: [
        ("qr-proof", Fixtures.proof() as any DocumentSource),
        ("qr-statement", Fixtures.statement(months: 40)),
        ("qr-registration", Fixtures.registration()),
        ("qr-receipt-a4", Fixtures.receipt(.a4)),
        ("qr-receipt-roll", Fixtures.receipt(.roll80mm)),
        ("qr-ledger", Fixtures.ledger(entries: 5)),
    ])
    func qrCodeScannedFromThePrintedPageVerifies(name: String, document: any DocumentSource) async throws {
        let rendered = try Fixtures.renderer.render(document)
        let path = try TestOutput.save(rendered.pdf, as: name)
        let sealed = try #require(rendered.verification)
        // The QR code ends the document: scan the last page, as a phone would, at 200 dpi.
        let page = try await Poppler.rasterise(
            path, resolution: 200, page: rendered.pageCount, into: TestOutput.directory, name: name)
        let codes = try await Poppler.qrCodes(in: try #require(page.first))
        #expect(codes == [sealed.qrText])
        let printedCode = sealed.verificationCode
        #expect(try await Poppler.text(of: path).contains(printedCode))
        let payload = try Fixtures.verifier.verify(qrText: try #require(codes.first), printedCode: printedCode)
        #expect(payload.serialNumber == (try document.content()).verification?.issuance.serialNumber)
        #expect(payload.keyID == Fixtures.signer.keyID)
    }

    @Test func payloadNamesTheHolderMaskedAndNeverTheFullNumber() throws {
        let rendered = try Fixtures.renderer.render(Fixtures.statement(months: 12))
        let sealed = try #require(rendered.verification)
        let json = String(decoding: sealed.message, as: UTF8.self)
        #expect(!json.contains(Fixtures.person.socialSecurityNumber))
        let payload = try Fixtures.verifier.verify(sealed)
        #expect(payload.holderNumber == "4301**********1236")
        #expect(payload.holderName == "王建国")
        #expect(payload.kind == .contributionStatement)
        #expect(payload.office == Fixtures.office.code)
        #expect(payload.issuedAt == Fixtures.issuedAt)
        #expect(payload.validUntil == "20250614")
        let (employer, personal) = try Fixtures.statement(months: 12).totals()
        #expect(
            payload.facts == ["p": "200001-200012", "n": "36", "e": String(employer.fen), "i": String(personal.fen)])
    }

    /// Changing any field of the signed JSON, even by one character, breaks the signature.
    @Test func everyAlteredFieldIsRejected() throws {
        let sealed = try #require(try Fixtures.renderer.render(Fixtures.proof()).verification)
        let original = try #require(try JSONSerialization.jsonObject(with: Data(sealed.message)) as? [String: Any])
        #expect(original.count >= 10)
        for key in original.keys.sorted() where key != "kid" {
            var altered = original
            switch original[key] {
            case let text as String: altered[key] = text + "0"
            case let number as Int: altered[key] = number + 1
            case let facts as [String: String]: altered[key] = facts.mapValues { $0 + "0" }
            default: Issue.record("unexpected field \(key)")
            }
            let message = Array(try JSONSerialization.data(withJSONObject: altered, options: [.sortedKeys]))
            let forged = SealedPayload(message: message, signature: sealed.signature)
            #expect(throws: DocumentError.signatureInvalid, "altered \(key)") {
                try Fixtures.verifier.verify(qrText: forged.qrText)
            }
        }
        var flipped = sealed.signature
        flipped[17] ^= 0x01
        #expect(throws: DocumentError.signatureInvalid) {
            try Fixtures.verifier.verify(SealedPayload(message: sealed.message, signature: flipped))
        }
    }

    @Test func aPayloadSignedByAnotherKeyUnderTheSameIDIsRejected() throws {
        let impostor = Ed25519Signer(keyID: Fixtures.signer.keyID, privateKey: Curve25519.Signing.PrivateKey())
        let sealed = try #require(try DocumentRenderer(signer: impostor).render(Fixtures.proof()).verification)
        #expect(throws: DocumentError.signatureInvalid) { try Fixtures.verifier.verify(qrText: sealed.qrText) }
    }

    @Test func anUnknownKeyAndAWrongPrintedCodeAreRejected() throws {
        let other = Ed25519Signer(keyID: "T999999-99-2025", privateKey: Curve25519.Signing.PrivateKey())
        let foreign = try #require(try DocumentRenderer(signer: other).render(Fixtures.proof()).verification)
        #expect(throws: DocumentError.unknownSigningKey("")) { try Fixtures.verifier.verify(qrText: foreign.qrText) }

        let first = try #require(try Fixtures.renderer.render(Fixtures.proof()).verification)
        let second = try #require(try Fixtures.renderer.render(Fixtures.registration()).verification)
        #expect(first.verificationCode != second.verificationCode)
        #expect(throws: DocumentError.verificationCodeMismatch) {
            try Fixtures.verifier.verify(qrText: first.qrText, printedCode: second.verificationCode)
        }
    }

    @Test func aPrintedCodeTypedCarelesslyStillMatches() throws {
        let sealed = try #require(try Fixtures.renderer.render(Fixtures.proof()).verification)
        let code = sealed.verificationCode
        #expect(code.count == 14 && code.split(separator: "-").map(\.count) == [4, 4, 4])
        #expect(code.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ-".contains($0) })
        let typed = code.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "0", with: "o")
            .replacingOccurrences(of: "1", with: "l")
        _ = try Fixtures.verifier.verify(qrText: sealed.qrText, printedCode: typed)
    }

    @Test func textThatIsNotACertificateCodeIsMalformed() {
        for text in ["https://example.org", "SSK1:", "SSK1:abc", "SSK1:" + String(repeating: "0", count: 30)] {
            #expect(throws: DocumentError.malformedVerification(""), "\(text)") {
                try Fixtures.verifier.verify(qrText: text)
            }
        }
    }

    @Test func aDocumentWithAQRCodeNeedsASigner() {
        #expect(throws: DocumentError.signerMissing) { try DocumentRenderer().render(Fixtures.proof()) }
    }

    /// RFC 8032 §7.1, tests 1 and 2: the signer is plain Ed25519.
    @Test func ed25519SignerMatchesRFC8032() throws {
        let vectors = [
            (
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
            ),
            (
                "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
            ),
        ]
        for (secret, message, signature) in vectors {
            let signer = Ed25519Signer(
                keyID: "rfc8032", privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: hex(secret)))
            #expect(try signer.signature(for: hex(message)) == hex(signature))
        }
    }

    private func hex(_ text: String) -> [UInt8] {
        stride(from: 0, to: text.count, by: 2).map { offset in
            let start = text.index(text.startIndex, offsetBy: offset)
            return UInt8(text[start..<text.index(start, offsetBy: 2)], radix: 16)!
        }
    }
}
