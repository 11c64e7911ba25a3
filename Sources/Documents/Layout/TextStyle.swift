/// How a text is set: font family, size in points, weight, alignment, colour, spacing.
///
/// Every property has a default, so template JSON names only what differs.
public struct TextStyle: Hashable, Sendable, Codable {
    /// A fontconfig family name; rendering fails with ``DocumentError/fontMissing(_:)`` rather than
    /// substituting a font that may lack the characters or look wrong.
    public var font: String
    public var size: Double
    public var bold: Bool
    public var alignment: TextAlignment
    public var color: Color
    /// Extra space between characters in points, as spaced-out Chinese titles use.
    public var letterSpacing: Double
    /// Line height as a factor of the font's size; 0 keeps the font's own line height.
    public var lineSpacing: Double

    /// Noto Sans CJK SC (黑体-like), for headings, tables and the card face.
    public static let sans = "Noto Sans CJK SC"
    /// Noto Serif CJK SC (宋体-like), for the body of certificates.
    public static let serif = "Noto Serif CJK SC"

    public init(
        font: String = TextStyle.sans, size: Double = 10.5, bold: Bool = false, alignment: TextAlignment = .left,
        color: Color = .black, letterSpacing: Double = 0, lineSpacing: Double = 0
    ) {
        self.font = font
        self.size = size
        self.bold = bold
        self.alignment = alignment
        self.color = color
        self.letterSpacing = letterSpacing
        self.lineSpacing = lineSpacing
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = TextStyle()
        font = try container.decode(String.self, forKey: .font, default: fallback.font)
        size = try container.decode(Double.self, forKey: .size, default: fallback.size)
        bold = try container.decode(Bool.self, forKey: .bold, default: fallback.bold)
        alignment = try container.decode(TextAlignment.self, forKey: .alignment, default: fallback.alignment)
        color = try container.decode(Color.self, forKey: .color, default: fallback.color)
        letterSpacing = try container.decode(Double.self, forKey: .letterSpacing, default: fallback.letterSpacing)
        lineSpacing = try container.decode(Double.self, forKey: .lineSpacing, default: fallback.lineSpacing)
    }

    /// This style with another size, weight or alignment, for the variations within one template.
    public func with(size: Double? = nil, bold: Bool? = nil, alignment: TextAlignment? = nil, color: Color? = nil)
        -> TextStyle
    {
        var style = self
        if let size { style.size = size }
        if let bold { style.bold = bold }
        if let alignment { style.alignment = alignment }
        if let color { style.color = color }
        return style
    }
}
