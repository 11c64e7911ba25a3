/// The sheet a template prints on, in millimetres.
public struct PageSetup: Hashable, Sendable, Codable {
    public var width: Double
    /// The sheet's height; absent for a receipt roll, whose page is as long as its content.
    public var height: Double?
    public var margins: Insets

    public init(width: Double, height: Double?, margins: Insets) {
        self.width = width
        self.height = height
        self.margins = margins
    }

    /// ISO A4 portrait, 210 x 297 mm, with the margins of Chinese official documents (GB/T 9704 uses
    /// 37/28/35/26 mm; certificates printed at kiosks use narrower ones to fit their tables).
    public static let a4 = PageSetup(width: 210, height: 297, margins: Insets(top: 18, left: 20, bottom: 16, right: 20))
    /// ISO A4 landscape, for wide tables such as the desk's ledger.
    public static let a4Landscape = PageSetup(
        width: 297, height: 210, margins: Insets(top: 14, left: 15, bottom: 12, right: 15))
    /// An 80 mm thermal receipt roll; its 72 mm print width is what 576-dot print heads reach.
    public static let receiptRoll = PageSetup(
        width: 80, height: nil, margins: Insets(top: 5, left: 4, bottom: 8, right: 4))
    /// An ID-1 card (ISO/IEC 7810), 85.60 x 53.98 mm; layouts place everything with frames.
    public static let id1Card = PageSetup(width: 85.6, height: 53.98, margins: Insets(all: 0))
}
