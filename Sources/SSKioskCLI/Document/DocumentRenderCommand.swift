import ArgumentParser
@preconcurrency import Crypto
import Documents
import Foundation

/// Renders a document of synthetic demo data to PDF, signed with a development key.
struct DocumentRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a document to PDF (synthetic demo data).",
        discussion: """
            Kinds: \(DocumentKindArgument.allCases.map(\.rawValue).joined(separator: ", ")). The terminal service renders \
            real records through the Documents library; this command renders made-up people only.
            """
    )

    @Argument(help: "The document: \(DocumentKindArgument.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: DocumentKindArgument

    @Flag(help: "Fill the document with synthetic demo data (required: the only data this command has).")
    var demo = false

    @Option(name: .shortAndLong, help: "Where to write the PDF.")
    var output: String

    @Option(help: "Seed of the synthetic person.")
    var seed: UInt64 = 1

    @Option(
        help:
            "Language of certificates: zh or en (proof, statement, registration, dispute-notice, mediation-agreement).")
    var language: DocumentLanguage = .chinese

    @Option(help: "Months of contributions in a statement (three schemes a month).")
    var months = 36

    @Option(help: "Entries in a ledger.")
    var entries = 24

    @Option(help: "A JPEG or PNG photo for the card face.")
    var photo: String?

    @Flag(help: "Card face for preprinted stock: print only the personal data.")
    var onStock = false

    @Option(help: "A layout (template JSON) to use instead of the built-in one, e.g. a region's card face.")
    var template: String?

    @Option(help: "File with the Ed25519 signing key's 32-byte seed in hex; without it an ephemeral key is made.")
    var signingKey: String?

    @Option(help: "The signing key's id, written into every QR code.")
    var keyID = "DEMO-KEY"

    @Option(help: "Render this many times and report the fastest, to time warm rendering (fonts loaded).")
    var runs = 1

    func validate() throws {
        guard demo else { throw ValidationError("Only --demo data can be rendered from the command line.") }
        guard months >= 0, entries >= 0 else { throw ValidationError("--months and --entries cannot be negative.") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
    }

    func run() throws {
        let privateKey = try signingKey.map { try DocumentKeyFile.read($0) } ?? Curve25519.Signing.PrivateKey()
        let signer = Ed25519Signer(keyID: keyID, privateKey: privateKey)
        let photoBytes = try photo.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        let demo = DemoDocuments(seed: seed, language: language)
        let document: any DocumentSource =
            switch kind {
            case .proof: demo.proofOfInsurance()
            case .statement: demo.contributionStatement(months: months)
            case .registration: demo.registrationCertificate()
            case .receipt: demo.applicationReceipt(.a4)
            case .receiptRoll: demo.applicationReceipt(.roll80mm)
            case .card: demo.cardFace(photo: photoBytes)
            case .ledger: demo.dailyLedger(entries: entries)
            case .disputeNotice: demo.disputeNotice()
            case .mediationAgreement: demo.mediationAgreement()
            }
        let layout = try template.map {
            try JSONDecoder().decode(DocumentTemplate.self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
        }
        let renderer = DocumentRenderer(signer: signer)
        var rendered: RenderedDocument?
        var elapsed = Duration.seconds(Int64.max)
        for _ in 0..<runs {
            let start = ContinuousClock.now
            rendered = try renderer.render(
                template: layout ?? document.template, content: document.content(), onPreprintedStock: onStock)
            elapsed = min(elapsed, ContinuousClock.now - start)
        }
        guard let rendered else { return }
        try Data(rendered.pdf).write(to: URL(fileURLWithPath: output))

        let millimetres = { (points: Double) in String(format: "%.2f", points * 25.4 / 72) }
        print(
            "\(kind.rawValue): \(rendered.pageCount) page(s), \(millimetres(rendered.pageWidth)) x "
                + "\(millimetres(rendered.pageHeight)) mm, rendered in " + (runs > 1 ? "at best " : "")
                + "\(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1)))) → \(output)"
        )
        if let sealed = rendered.verification {
            print("verification code: \(sealed.verificationCode)")
            print("verify with: --key-id \(keyID) --public-key \(DocumentKeyFile.hex(signer.publicKey))")
        }
    }
}

extension DocumentLanguage: ExpressibleByArgument {}
