/// A rendered PDF and what a caller needs to print, register and check it.
public struct RenderedDocument: Sendable {
    public let pdf: [UInt8]
    public let pageCount: Int
    /// Page size in points (1/72 inch); a roll receipt's height is its content's.
    public let pageWidth: Double
    public let pageHeight: Double
    /// The signed payload in the QR code, for the centre's register of issued documents; nil for
    /// documents without verification (a card face).
    public let verification: SealedPayload?
}
