import HexCoding
import SmartCard

/// Bytes that read as hex in JSON, so an image file can be inspected and edited by hand.
public struct HexBytes: Codable, Hashable, Sendable, ExpressibleByArrayLiteral {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(arrayLiteral elements: UInt8...) { bytes = elements }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let bytes = [UInt8](hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not hex: \(text.prefix(16))...")
        }
        self.bytes = bytes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(bytes.compactHexString)
    }
}
