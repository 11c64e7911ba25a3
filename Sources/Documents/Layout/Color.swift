/// An sRGB colour, written `#RRGGBB` in template JSON.
public struct Color: Hashable, Sendable, Codable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `0x1F4E79` for #1F4E79.
    public init(hex: UInt32) {
        self.init(
            red: UInt8(truncatingIfNeeded: hex >> 16), green: UInt8(truncatingIfNeeded: hex >> 8),
            blue: UInt8(truncatingIfNeeded: hex))
    }

    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard text.count == 7, text.hasPrefix("#"), let value = UInt32(text.dropFirst(), radix: 16) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "A colour is written #RRGGBB, not \(text)."))
        }
        self.init(hex: value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let hex = String((UInt32(red) << 16) | (UInt32(green) << 8) | UInt32(blue), radix: 16, uppercase: true)
        try container.encode("#" + String(repeating: "0", count: 6 - hex.count) + hex)
    }

    /// The components as cairo takes them.
    var unitComponents: (Double, Double, Double) {
        (Double(red) / 255, Double(green) / 255, Double(blue) / 255)
    }
}
