import Centre
import Crypto
import Documents
import Foundation
import KioskCore
import Testing

/// A printed QR code checked against the register that terminals fill through `certificate.issue`:
/// a document signed by the real renderer, registered, then scanned as printed, altered and unknown.
@Suite struct CertificateVerificationTests {
    /// A day's ledger with no entries: the smallest document that carries a QR code.
    static func signedDocument(serial: String) throws -> SealedPayload {
        let renderer = DocumentRenderer(
            signer: Ed25519Signer(keyID: "T-101", privateKey: Curve25519.Signing.PrivateKey()))
        let ledger = BusinessRegister(
            desk: "测试终端", date: CalendarDate(Fixtures.now), entries: [],
            issuance: DocumentIssuance(
                serialNumber: serial, office: Office(code: Fixtures.home, name: "测试终端"), issuedAt: Fixtures.now))
        return try #require(try renderer.render(ledger).verification)
    }

    /// The register entry a terminal sends for `sealed`.
    static func entry(_ sealed: SealedPayload) throws -> SignedCertificate {
        let payload = try sealed.payload()
        return SignedCertificate(
            serial: payload.serialNumber, kind: payload.kind.rawValue, payloadHash: sealed.messageDigest,
            keyID: payload.keyID, regionCode: payload.office, signedAt: payload.issuedAt)
    }

    @Test(arguments: StoreKind.testable)
    func aRegisteredCodeChecksOutAndAnAlteredOneDoesNot(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (terminal, _) = try Fixtures.terminal()
            let sealed = try Self.signedDocument(serial: "T-101-ledger-1")
            let unregistered = try await store.verify(qrText: sealed.qrText)
            #expect(unregistered.outcome == .unregistered)
            #expect(unregistered.certificate == nil)

            let results = try await store.apply(
                [try Fixtures.command(.certificateIssue, try Self.entry(sealed), key: "k1")], from: terminal,
                at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied])
            let registered = try await store.verify(qrText: sealed.qrText)
            #expect(registered.outcome == .registered)
            #expect(registered.serial == "T-101-ledger-1")
            #expect(registered.certificate == (try Self.entry(sealed)))

            // The same serial with one byte of the signed statement changed (a forged date, say).
            var message = sealed.message
            let key = Array(#""t":"#.utf8)
            let start = try #require(
                message.indices.first { message[$0...].starts(with: key) }.map { $0 + key.count + 3 })
            message[start] = message[start] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            let forged = SealedPayload(message: message, signature: sealed.signature)
            #expect(try forged.payload().serialNumber == "T-101-ledger-1")
            #expect(try await store.verify(qrText: forged.qrText).outcome == .altered)

            await #expect(throws: CentreError.malformedCertificateCode) {
                try await store.verify(qrText: "SSK1:not base45 at all")
            }
            await #expect(throws: CentreError.malformedCertificateCode) {
                try await store.verify(qrText: "https://example.com/")
            }
        }
    }
}
