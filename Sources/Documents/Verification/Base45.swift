/// Base45 (RFC 9285): bytes as characters of QR's alphanumeric mode, two bytes to three characters.
enum Base45 {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
    private static let values: [UInt8: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 1) / 2 * 3)
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count {
                var value = Int(bytes[index]) << 8 | Int(bytes[index + 1])
                for _ in 0..<3 {
                    output.append(alphabet[value % 45])
                    value /= 45
                }
            } else {
                let value = Int(bytes[index])
                output.append(alphabet[value % 45])
                output.append(alphabet[value / 45])
            }
            index += 2
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes, or nil for characters outside the alphabet, a stray trailing character, or a
    /// triple beyond 65535.
    static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 3 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count / 3 * 2 + 1)
        var index = 0
        while index < characters.count {
            let count = min(3, characters.count - index)
            var value = 0
            var weight = 1
            for offset in 0..<count {
                guard let digit = values[characters[index + offset]] else { return nil }
                value += digit * weight
                weight *= 45
            }
            if count == 3 {
                guard value <= 0xFFFF else { return nil }
                output.append(UInt8(value >> 8))
                output.append(UInt8(value & 0xFF))
            } else {
                guard value <= 0xFF else { return nil }
                output.append(UInt8(value))
            }
            index += count
        }
        return output
    }
}
