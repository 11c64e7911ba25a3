/// A media size with its printable margins, in hundredths of a millimetre as IPP counts them.
public struct MediaSize: Sendable, Hashable, CustomStringConvertible {
    /// The PWG media name, e.g. `iso_a4_210x297mm`.
    public let name: String
    public let width: Int
    public let length: Int
    public let bottomMargin: Int
    public let leftMargin: Int
    public let rightMargin: Int
    public let topMargin: Int

    public init(
        name: String, width: Int, length: Int, bottomMargin: Int = 0, leftMargin: Int = 0, rightMargin: Int = 0,
        topMargin: Int = 0
    ) {
        self.name = name
        self.width = width
        self.length = length
        self.bottomMargin = bottomMargin
        self.leftMargin = leftMargin
        self.rightMargin = rightMargin
        self.topMargin = topMargin
    }

    /// Whether it prints to the edges, as a card printer does.
    public var isBorderless: Bool { bottomMargin == 0 && leftMargin == 0 && rightMargin == 0 && topMargin == 0 }

    public var description: String {
        "\(name) \(Self.millimetres(width))x\(Self.millimetres(length)) mm" + (isBorderless ? " borderless" : "")
    }

    private static func millimetres(_ hundredths: Int) -> String {
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return "\(whole).\(digits)"
    }
}
