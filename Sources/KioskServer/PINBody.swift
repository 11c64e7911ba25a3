import Foundation
import Hummingbird
import Secrets
import SocialSecurityCard

/// The body of a request that carries PINs (`{"pin":"123456","card":"…"}`), read from its bytes:
/// a PIN field goes from the body's bytes straight into a ``PIN``, never into a `String`, and the
/// body's bytes are zeroed when this value goes away.
///
/// It reads what the PIN routes are sent, one JSON object whose values are strings or null, and
/// answers anything else as the malformed body ``JSONBody`` answers. A PIN is plain ASCII digits: an
/// escape in one is no digit, and is refused as a PIN that is not one.
struct PINBody: ~Copyable {
    private let body: ByteBuffer
    /// Each member's value: the range of a string's bytes between its quotes, nil for `null`.
    private let members: [String: Range<Int>?]

    /// Reads the request's body, which must say it is JSON.
    init(_ request: Request) async throws {
        try self.init(json: try await JSONBody.collect(request))
    }

    init(json body: ByteBuffer) throws {
        guard let members = Self.scan(body.readableBytesView) else {
            Self.wipe(body)
            throw APIError.malformedBody
        }
        self.body = body
        self.members = members
    }

    deinit {
        Self.wipe(body)
    }

    /// Zeroes the body's bytes where they lie, in the buffer the server received them in.
    private static func wipe(_ body: ByteBuffer) {
        body.withUnsafeReadableBytes { UnsafeMutableRawBufferPointer(mutating: $0).wipe() }
    }

    /// The PIN in field `name`, of the card's `length`; a body without it is malformed.
    func pin(_ name: String, length: Int) throws -> PIN {
        guard case .some(.some(let range)) = members[name] else { throw APIError.malformedBody }
        return try PIN(asciiDigits: body.readableBytesView[range], length: length)
    }

    /// The string in field `name`; nil when the field is absent or null.
    func string(_ name: String) throws -> String? {
        guard case .some(.some(let range)) = members[name] else { return nil }
        let token = body.readableBytesView[(range.lowerBound - 1)..<(range.upperBound + 1)]
        do {
            return try JSONBody.decoder.decode(String.self, from: Data(token))
        } catch {
            throw APIError.malformedBody
        }
    }

    /// The members of the one object `bytes` hold, or nil if they hold anything else: another
    /// value, a value that is not a string or null, a key twice, bytes after the object.
    private static func scan<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> [String: Range<Int>?]?
    where Bytes.Index == Int {
        var index = bytes.startIndex
        func skipSpace() {
            while index < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        func take(_ byte: Unicode.Scalar) -> Bool {
            skipSpace()
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: byte) else { return false }
            index += 1
            return true
        }
        /// A string's bytes between its quotes, with escapes left as they are.
        func string() -> Range<Int>? {
            guard take("\"") else { return nil }
            let start = index
            while index < bytes.endIndex {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return start..<(index - 1)
                case UInt8(ascii: "\\"): index += 2
                case 0..<0x20: return nil
                default: index += 1
                }
            }
            return nil
        }
        var members: [String: Range<Int>?] = [:]
        guard take("{") else { return nil }
        if !take("}") {
            repeat {
                guard let key = string(), take(":") else { return nil }
                let name = String(decoding: bytes[key], as: UTF8.self)
                guard members.index(forKey: name) == nil else { return nil }
                skipSpace()
                if bytes[index...].starts(with: "null".utf8) {
                    index += 4
                    members[name] = .some(nil)
                } else {
                    guard let value = string() else { return nil }
                    members[name] = value
                }
            } while take(",")
            guard take("}") else { return nil }
        }
        skipSpace()
        return index == bytes.endIndex ? members : nil
    }
}
