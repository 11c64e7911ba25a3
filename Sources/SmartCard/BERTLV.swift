/// One ISO 7816-4 BER-TLV data object: the structure of an FCI, an FCP and every template a card
/// answers with (not the card's records, whose one-byte tags `SocialSecurityCard.TLV` reads).
///
/// Read liberally, as real cards write it: tags of one to three bytes (`86`, `9F0C`, `BF0C`, `5F2D`),
/// lengths in the short form and in the `81`, `82` and `83` long forms, constructed templates at any
/// depth, and `00` or `FF` bytes between objects, which ISO 7816-4 allows as padding. What does not
/// fit is a ``SmartCardError/malformedBERTLV(_:)``, never a read past the end.
public struct BERTLV: Hashable, Sendable {
    /// The tag's bytes as one number: `0x86`, `0x9F0C`, `0xBF0C`.
    public var tag: UInt32
    public var value: [UInt8]

    public init(tag: UInt32, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }

    /// Whether the value holds further data objects: bit 6 of the tag's first byte.
    public var isConstructed: Bool { firstTagByte & 0x20 != 0 }

    private var firstTagByte: UInt8 {
        var tag = self.tag
        while tag > 0xFF { tag >>= 8 }
        return UInt8(tag)
    }

    /// The data objects inside a constructed one.
    public func children() throws(SmartCardError) -> [BERTLV] { try Self.parse(value) }

    /// The first object tagged `tag`, depth first through constructed templates and through the
    /// discretionary data objects that hold BER-TLV in a primitive value: `53` and the FCI's issuer
    /// discretionary data `9F0C`, where real social security cards put their cipher's tag 86. Other
    /// primitive values are data, and are never read as objects.
    public static func first(_ tag: UInt32, in objects: [BERTLV]) -> BERTLV? {
        for object in objects {
            if object.tag == tag { return object }
            guard object.isConstructed || discretionaryData.contains(object.tag),
                let inner = try? parse(object.value)
            else { continue }
            if let found = first(tag, in: inner) { return found }
        }
        return nil
    }

    /// Primitive tags whose value is itself BER-TLV on the cards seen.
    static let discretionaryData: Set<UInt32> = [0x53, 0x9F0C]

    /// Tag, length (shortest form) and value.
    public func encoded() -> [UInt8] {
        var tagBytes: [UInt8] = []
        var rest = tag
        repeat {
            tagBytes.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        } while rest > 0
        let count = value.count
        let length: [UInt8] =
            switch count {
            case 0..<0x80: [UInt8(count)]
            case 0x80...0xFF: [0x81, UInt8(count)]
            case 0x100...0xFFFF: [0x82, UInt8(count >> 8), UInt8(count & 0xFF)]
            default: [0x83, UInt8(count >> 16), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)]
            }
        return tagBytes + length + value
    }

    /// The data objects one after another in `bytes`, padding skipped.
    public static func parse(_ bytes: some Collection<UInt8>) throws(SmartCardError) -> [BERTLV] {
        let bytes = Array(bytes)
        var objects: [BERTLV] = []
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == 0x00 || bytes[offset] == 0xFF {
                offset += 1
                continue
            }
            let start = offset
            var tag = UInt32(bytes[offset])
            offset += 1
            if tag & 0x1F == 0x1F {
                // Subsequent tag bytes while bit 8 is set; ISO 7816-4 tags are at most three bytes.
                repeat {
                    guard offset < bytes.count else { throw .malformedBERTLV("the tag at byte \(start) is cut off") }
                    guard offset - start < 3 else {
                        throw .malformedBERTLV("the tag at byte \(start) is longer than three bytes")
                    }
                    tag = tag << 8 | UInt32(bytes[offset])
                    offset += 1
                } while bytes[offset - 1] & 0x80 != 0
            }
            guard offset < bytes.count else { throw .malformedBERTLV("the object at byte \(start) has no length") }
            let first = bytes[offset]
            offset += 1
            var length = Int(first)
            if first & 0x80 != 0 {
                let count = Int(first & 0x7F)
                guard (1...3).contains(count) else {
                    throw .malformedBERTLV("the length byte \(first) at byte \(offset - 1) is not a definite length")
                }
                guard offset + count <= bytes.count else {
                    throw .malformedBERTLV("the length at byte \(offset - 1) is cut off")
                }
                length = bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
                offset += count
            }
            guard length <= bytes.count - offset else {
                throw .malformedBERTLV(
                    "the object at byte \(start) says \(length) bytes but only \(bytes.count - offset) follow")
            }
            objects.append(BERTLV(tag: tag, value: Array(bytes[offset..<offset + length])))
            offset += length
        }
        return objects
    }
}
