import ArgumentParser

/// Documents: render certificates, statements, receipts, card faces and ledgers to PDF, check a
/// certificate's QR code, and print a built-in layout as JSON for a region to adapt.
struct DocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Render documents to PDF, verify their QR codes, export their layouts.",
        subcommands: [DocumentRenderCommand.self, DocumentVerifyCommand.self, DocumentTemplateCommand.self]
    )
}

/// The documents the terminal renders, as the command line names them.
enum DocumentKindArgument: String, ExpressibleByArgument, CaseIterable {
    case proof
    case statement
    case registration
    case receipt
    case receiptRoll = "receipt-roll"
    case card
    case ledger
    case disputeNotice = "dispute-notice"
    case mediationAgreement = "mediation-agreement"
}
