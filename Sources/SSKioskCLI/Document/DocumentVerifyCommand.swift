import ArgumentParser
@preconcurrency import Crypto
import Documents
import Foundation

/// Checks a scanned certificate code against a public key, as the centre or a verifier app does.
struct DocumentVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a certificate's QR code text (and the short code printed beside it)."
    )

    @Argument(help: "The QR code's text, as a scanner reads it (SSK1:...).")
    var qrText: String

    @Option(help: "The signing key's id.")
    var keyID: String

    @Option(help: "The signing key's Ed25519 public key in hex.")
    var publicKey: String

    @Option(help: "The short verification code printed on the paper.")
    var code: String?

    func run() throws {
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: DocumentKeyFile.bytes(publicKey))
        let verifier = DocumentVerifier(trustedKeys: [keyID: key])
        let payload =
            try code.map { try verifier.verify(qrText: qrText, printedCode: $0) }
            ?? verifier.verify(qrText: qrText)
        print("genuine: signed by \(payload.keyID)")
        print("kind: \(payload.kind.rawValue), serial: \(payload.serialNumber), office: \(payload.office)")
        print("issued: \(payload.issuedAt)" + (payload.validUntil.map { ", valid until \($0)" } ?? ""))
        if let name = payload.holderName { print("holder: \(name) \(payload.holderNumber ?? "")") }
        for key in payload.facts.keys.sorted() { print("\(key): \(payload.facts[key]!)") }
    }
}
