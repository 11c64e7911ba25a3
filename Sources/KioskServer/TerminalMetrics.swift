import Metrics
import SmartCard
import SocialSecurityCard

/// The counters `/metrics` shows for the terminal's work beyond its requests: card reads and print
/// jobs by result, so a technician sees a reader or printer that keeps failing before a resident
/// says so. Every label comes from a short fixed list (an error's code, a document kind, a job's
/// end), never from a card, a person or a job key.
enum TerminalMetrics {
    /// What the kiosk read from a card: its free-read identity when it was inserted, or the
    /// cardholder after the PIN.
    enum CardRead: String {
        case identity
        case cardholder
    }

    /// How a print job ended for the terminal.
    enum PrintResult: String {
        case completed
        case failed
        /// The printer (cupsd) did not take it.
        case notSent = "not-sent"
        /// The printer could no longer be asked about it.
        case lost
    }

    static func cardRead(_ operation: CardRead, failedWith error: (any Error)? = nil) {
        Counter(
            label: "sskiosk_card_reads_total",
            dimensions: [("operation", operation.rawValue), ("result", error.map(cardResult) ?? "read")]
        ).increment()
    }

    static func printJob(_ document: PrintRequestKind, _ result: PrintResult) {
        Counter(
            label: "sskiosk_print_jobs_total",
            dimensions: [("document", document.rawValue), ("result", result.rawValue)]
        ).increment()
    }

    private static func cardResult(_ error: any Error) -> String {
        switch error {
        case let error as SocialSecurityCardError: "\(error.code)"
        case let error as SmartCardError: "\(error.code)"
        default: "other"
        }
    }
}
