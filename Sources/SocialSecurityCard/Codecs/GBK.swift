import Glibc
import Synchronization

/// GBK, the encoding of names and other Chinese text on the card, through glibc's iconv.
///
/// A character GBK lacks (many rare characters, 生僻字, and everything outside the Basic
/// Multilingual Plane such as 𠮷 U+20BB7) is an error naming the character and its position:
/// never a '?' or a dropped character, which would end up printed on a card. The functions are
/// safe to call from any thread: each call has an iconv descriptor to itself, taken from a pool.
public enum GBK {
    /// Opening a descriptor looks up glibc's conversion modules and allocates their state, which
    /// every card read would pay for its holder's name; so descriptors are kept for the next call.
    private static let encoders = ConverterPool(from: "UTF-8", to: "GBK")
    private static let decoders = ConverterPool(from: "GBK", to: "UTF-8")

    /// The GBK bytes of `text`.
    public static func encode(_ text: String) throws(CardDataError) -> [UInt8] {
        try encodeCharacters(text).flatMap { $0 }
    }

    /// The GBK bytes of each character of `text`, so that callers can cut text between characters.
    ///
    /// GBK characters take one or two bytes (glibc also maps '€' to the single byte 80), so
    /// character boundaries come from the conversion, not from a rule about lead bytes.
    static func encodeCharacters(_ text: String) throws(CardDataError) -> [[UInt8]] {
        try encoders.withConverter { converter throws(CardDataError) in
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
    }

    /// The text that `bytes` encode in GBK; bytes that are not GBK are an error.
    public static func decode(_ bytes: some Collection<UInt8>) throws(CardDataError) -> String {
        try decoders.withConverter { converter throws(CardDataError) in
            do throws(Converter.Failure) {
                return String(decoding: try converter.convert(Array(bytes)), as: UTF8.self)
            } catch {
                throw .invalidGBK(offset: error.offset, incomplete: error.incomplete)
            }
        }
    }
}

/// The descriptors of one conversion that no call is using now: as many as calls ever ran at once.
private final class ConverterPool: Sendable {
    private let source: String
    private let target: String
    private let idle = Mutex<[Converter]>([])

    init(from source: String, to target: String) {
        self.source = source
        self.target = target
    }

    /// Runs `body` with a descriptor no other call holds meanwhile.
    func withConverter<T>(_ body: (Converter) throws(CardDataError) -> T) throws(CardDataError) -> T {
        let converter: Converter
        if let kept = idle.withLock({ $0.popLast() }) {
            converter = kept
        } else {
            converter = try Converter(from: source, to: target)
        }
        defer { idle.withLock { $0.append(converter) } }
        return try body(converter)
    }
}

/// One iconv descriptor, closed when the converter goes away. Not for two threads at once: its pool
/// gives it to one call at a time.
private final class Converter: @unchecked Sendable {
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

    /// Converts all of `input` or fails: no partial output, no substitutes; either way the
    /// descriptor is back in its initial state for the next call.
    func convert(_ input: [UInt8]) throws(Failure) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        var failure: Failure?
        // Four output bytes per input byte covers both directions (GBK 80 becomes 3 bytes of UTF-8).
        let output = [UInt8](unsafeUninitializedCapacity: input.count * 4) { target, written in
            input.withUnsafeBufferPointer { source in
                // iconv reads the input through a pointer to non-const; it never writes there.
                var sourcePointer = UnsafeMutableRawPointer(mutating: source.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var targetPointer = UnsafeMutableRawPointer(target.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var sourceLeft = source.count
                var targetLeft = target.count
                let result = iconv(descriptor, &sourcePointer, &sourceLeft, &targetPointer, &targetLeft)
                // A positive result counts irreversible substitutions: refused like an invalid character.
                if result == 0 {
                    written = target.count - targetLeft
                } else {
                    let code = errno
                    iconv(descriptor, nil, nil, nil, nil)
                    failure = Failure(offset: source.count - sourceLeft, incomplete: result == -1 && code == EINVAL)
                    written = 0
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
