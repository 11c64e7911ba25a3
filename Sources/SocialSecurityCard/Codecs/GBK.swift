import Glibc

/// GBK, the encoding of names and other Chinese text on the card, through glibc's iconv.
///
/// A character GBK lacks (many rare characters, 生僻字, and everything outside the Basic
/// Multilingual Plane such as 𠮷 U+20BB7) is an error naming the character and its position:
/// never a '?' or a dropped character, which would end up printed on a card. Each call opens its
/// own iconv descriptor, so the functions are safe to call from any thread.
public enum GBK {
    /// The GBK bytes of `text`.
    public static func encode(_ text: String) throws(CardDataError) -> [UInt8] {
        try encodeCharacters(text).flatMap { $0 }
    }

    /// The GBK bytes of each character of `text`, so that callers can cut text between characters.
    ///
    /// GBK characters take one or two bytes (glibc also maps '€' to the single byte 80), so
    /// character boundaries come from the conversion, not from a rule about lead bytes.
    static func encodeCharacters(_ text: String) throws(CardDataError) -> [[UInt8]] {
        let converter = try Converter(from: "UTF-8", to: "GBK")
        var encoded: [[UInt8]] = []
        var unencodable: [(character: Character, position: Int)] = []
        for (index, character) in text.enumerated() {
            if let bytes = try? converter.convert(Array(character.utf8)) {
                encoded.append(bytes)
            } else {
                unencodable.append((character, index + 1))
            }
        }
        guard unencodable.isEmpty else { throw .notEncodableInGBK(unencodable) }
        return encoded
    }

    /// The text that `bytes` encode in GBK; bytes that are not GBK are an error.
    public static func decode(_ bytes: some Collection<UInt8>) throws(CardDataError) -> String {
        let converter = try Converter(from: "GBK", to: "UTF-8")
        do {
            return String(decoding: try converter.convert(Array(bytes)), as: UTF8.self)
        } catch {
            throw .invalidGBK(offset: error.offset, incomplete: error.incomplete)
        }
    }
}

/// One iconv descriptor, closed when the converter goes away.
private struct Converter: ~Copyable {
    struct Failure: Error {
        /// Where the input stopped converting, counted in bytes from 0.
        let offset: Int
        /// The input ended in the middle of a character.
        let incomplete: Bool
    }

    private let descriptor: iconv_t

    init(from source: String, to target: String) throws(CardDataError) {
        guard let descriptor = iconv_open(target, source), Int(bitPattern: descriptor) != -1 else {
            throw .textConverterUnavailable
        }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// Converts all of `input` or fails: no partial output, no substitutes.
    func convert(_ input: [UInt8]) throws(Failure) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        var input = input
        // Four output bytes per input byte covers both directions (GBK 80 becomes 3 bytes of UTF-8).
        var output = [UInt8](repeating: 0, count: input.count * 4)
        let (result, inputLeft, outputLeft, error) = input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                var sourcePointer = source.baseAddress?.assumingMemoryBound(to: CChar.self)
                var targetPointer = target.baseAddress?.assumingMemoryBound(to: CChar.self)
                var sourceLeft = source.count
                var targetLeft = target.count
                let result = iconv(descriptor, &sourcePointer, &sourceLeft, &targetPointer, &targetLeft)
                return (result, sourceLeft, targetLeft, errno)
            }
        }
        // A positive result counts irreversible substitutions: refused like an invalid character.
        guard result == 0 else {
            // Back to the initial state for the next call on this descriptor.
            iconv(descriptor, nil, nil, nil, nil)
            throw Failure(offset: input.count - inputLeft, incomplete: result == -1 && error == EINVAL)
        }
        return Array(output.prefix(output.count - outputLeft))
    }
}
