import Documents
import Printing

/// A rendered document and the paper it asks its queue for: A4 or an ID-1 card, or on a receipt
/// roll a length cut to the receipt, since cupsd puts every page on the roll's default length
/// (297 mm) unless told a custom size.
struct PrintableDocument: Sendable {
    var document: PrintDocument
    var options: PrintOptions

    static let a4 = PrintOptions(media: "iso_a4_210x297mm")
    static let card = PrintOptions(media: "custom_cr80_85.6x53.98mm")

    /// `Custom.WIDTHxLENGTHmm` for a page of `template`'s width and `rendered`'s height, the
    /// length rounded up to a hundredth of a millimetre so nothing of the receipt is cut.
    static func roll(_ rendered: RenderedDocument, width: Double) -> PrintOptions {
        let length = (rendered.pageHeight * 25.4 / 72 * 100).rounded(.up) / 100
        return PrintOptions(media: "Custom.\(Self.millimetres(width))x\(Self.millimetres(length))mm")
    }

    /// `80` for 80.0, `123.45` otherwise: cupsd reads either, people read the first more easily.
    private static func millimetres(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
