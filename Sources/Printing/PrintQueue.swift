/// A cupsd queue and its state.
public struct PrintQueue: Sendable, Hashable {
    public let name: String
    /// The description staff gave the queue (`printer-info`).
    public let info: String
    public let location: String
    public let makeAndModel: String
    /// Where cupsd sends the queue's jobs (`device-uri`), e.g. `ipp://localhost:8631/ipp/print` or
    /// `usb://...`; empty when cupsd does not tell this user.
    public let deviceURI: String
    /// Whether this is cupsd's default queue.
    public let isDefault: Bool
    public let status: PrinterStatus

    public var target: PrintTarget { .queue(name) }

    init?(attributes: IPPAttributeSet) {
        guard let name = attributes.string("printer-name"), let status = PrinterStatus(attributes: attributes) else {
            return nil
        }
        self.name = name
        info = attributes.string("printer-info") ?? ""
        location = attributes.string("printer-location") ?? ""
        makeAndModel = attributes.string("printer-make-and-model") ?? ""
        deviceURI = attributes.string("device-uri") ?? ""
        isDefault = (attributes.integer("printer-type") ?? 0) & Self.defaultPrinterBit != 0
        self.status = status
    }

    /// CUPS_PRINTER_DEFAULT in `printer-type`.
    private static let defaultPrinterBit: Int32 = 0x20000

    static let requestedAttributes =
        [
            "printer-name", "printer-info", "printer-location", "printer-make-and-model", "device-uri", "printer-type",
        ] + PrinterStatus.requestedAttributes
}
