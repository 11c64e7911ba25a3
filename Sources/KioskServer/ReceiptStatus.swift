import KioskCore
import Vocabulary

/// What a receipt's QR code, scanned at a kiosk or a desk without a card or a PIN, tells about its
/// application: where it stands and the holder's name masked. Nothing else about the person: the
/// code is on paper anyone may pick up.
struct ReceiptStatus: Encodable, Sendable {
    enum Source: String, Encodable, Sendable {
        /// The centre's register and its record of the application, wherever it was made.
        case centre
        /// This terminal's own record, while the centre does not know the receipt or cannot be
        /// reached: only for receipts this terminal printed and signed.
        case terminal
    }

    var application: ApplicationProgress
    var holder: MaskedName?
    var source: Source
}
