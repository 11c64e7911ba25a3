import ArgumentParser
import Documents
import Foundation

/// Prints a built-in layout as JSON: the starting point for a region's own layout.
struct DocumentTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a built-in document layout as JSON, to adapt and pass to `render --template`."
    )

    @Argument(help: "The document: \(DocumentKindArgument.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: DocumentKindArgument

    @Option(help: "Language of certificates: zh or en.")
    var language: DocumentLanguage = .chinese

    func run() throws {
        let template: DocumentTemplate =
            switch kind {
            case .proof: .proofOfInsurance(language)
            case .statement: .contributionStatement(language)
            case .registration: .registrationCertificate(language)
            case .receipt: .applicationReceiptA4
            case .receiptRoll: .applicationReceiptRoll
            case .card: .nationalCardFace
            case .ledger: .businessRegister
            case .disputeNotice: .disputeNotice(language)
            case .mediationAgreement: .mediationAgreement(language)
            }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(template), as: UTF8.self))
    }
}
