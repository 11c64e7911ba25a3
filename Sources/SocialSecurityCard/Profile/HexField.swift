import HexCoding

/// Bytes written as hex in a profile file ("EF05", "7378312E..."), so a technician can copy them
/// from a card's trace; decoding errors name the field and what was expected.
enum HexField {
    static func decode<Key: CodingKey>(
        _ key: Key,
        in container: KeyedDecodingContainer<Key>,
        count: ClosedRange<Int>
    ) throws -> [UInt8] {
        let text = try container.decode(String.self, forKey: key)
        guard let bytes = [UInt8](hex: text), count.contains(bytes.count) else {
            let size =
                count.lowerBound == count.upperBound
                ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\"\(text)\" is not \(size) bytes of hex")
        }
        return bytes
    }

    static func decodeUInt16<Key: CodingKey>(_ key: Key, in container: KeyedDecodingContainer<Key>) throws -> UInt16 {
        let bytes = try decode(key, in: container, count: 2...2)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }

    static func decodeUInt8<Key: CodingKey>(_ key: Key, in container: KeyedDecodingContainer<Key>) throws -> UInt8 {
        try decode(key, in: container, count: 1...1)[0]
    }

    static func text(_ value: UInt16) -> String { [UInt8(value >> 8), UInt8(value & 0xFF)].compactHexString }
    static func text(_ value: UInt8) -> String { [value].compactHexString }
}
