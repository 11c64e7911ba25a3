import HexCoding
import SmartCard
import TestSupport
import Testing

@Suite("BER-TLV as real cards write it")
struct BERTLVTests {
    /// SELECT SSSE's answer from a real third-generation Sichuan card (gdgly/SI_3rdCard,
    /// docs/加密机方式指令流.txt): tag 86 (03, SM4) inside 9F0C inside A5 inside 6F.
    static let sichuanFCI = [UInt8](hex: "6F1C 840F 7378312E73682EC9E7BBE1B1A3D5CF A509 88011E 9F0C03 860103")!

    @Test("the cipher's tag 86 is found inside 9F0C, inside A5, inside 6F")
    func nestedCipherTag() throws {
        let objects = try BERTLV.parse(Self.sichuanFCI)
        #expect(objects.map(\.tag) == [0x6F])
        #expect(objects[0].isConstructed)
        let template = try objects[0].children()
        #expect(template.map(\.tag) == [0x84, 0xA5])
        #expect(try template[1].children().map(\.tag) == [0x88, 0x9F0C])
        #expect(BERTLV.first(0x86, in: objects)?.value == [0x03])
        #expect(BERTLV.first(0x88, in: objects)?.value == [0x1E])
        #expect(BERTLV.first(0x87, in: objects) == nil)
    }

    @Test("long lengths, three-byte tags and padding between objects")
    func longFormsTagsAndPadding() throws {
        let long = [UInt8](repeating: 0x41, count: 200)
        let longer = [UInt8](repeating: 0x42, count: 300)
        let bytes =
            [0x00, 0xFF] + [0x5F, 0x2D, 0x02, 0x7A, 0x68] + [0xFF] + [0xC1, 0x81, 0xC8] + long + [0x00, 0x00]
            + [0xBF, 0x81, 0x01, 0x82, 0x01, 0x2C] + longer
        let objects = try BERTLV.parse(bytes)
        #expect(objects.map(\.tag) == [0x5F2D, 0xC1, 0xBF8101])
        #expect(objects[0].value == [0x7A, 0x68])
        #expect(objects[1].value == long)
        #expect(objects[2].value == longer)
        #expect(objects[2].isConstructed)
        #expect(objects[1].encoded().prefix(3) == [0xC1, 0x81, 0xC8])
    }

    @Test(
        "malformed input is an error that says where, never a read past the end",
        arguments: [
            ("6F", "no length"), ("6F05 8401", "says 5 bytes"), ("9F", "cut off"),
            ("9F8180 01 00", "longer than three"),
            ("6F80", "not a definite length"), ("6F84 00000001 00", "not a definite length"), ("6F82 01", "cut off"),
        ])
    func malformed(hex: String, words: String) {
        let error = #expect(throws: SmartCardError.malformedBERTLV("")) { try BERTLV.parse([UInt8](hex: hex)!) }
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "no error")")
    }

    @Test("any tree of objects comes back as it was encoded")
    func roundTrip() throws {
        var random = SeededGenerator(seed: 7816)
        for _ in 0..<2_000 {
            let objects = Self.objects(depth: 2, using: &random)
            let bytes = objects.flatMap { $0.encoded() }
            #expect(try BERTLV.parse(bytes) == objects)
        }
    }

    @Test("random bytes parse or fail with an error, and what parses fits inside them")
    func randomBytesNeverCrash() {
        var random = SeededGenerator(seed: 14443)
        for _ in 0..<50_000 {
            let bytes = (0..<Int.random(in: 0...48, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            do {
                let objects = try BERTLV.parse(bytes)
                #expect(objects.reduce(0) { $0 + $1.encoded().count } <= bytes.count)
                _ = BERTLV.first(0x86, in: objects)
            } catch {
                #expect(error == SmartCardError.malformedBERTLV(""))
            }
        }
    }

    /// Random objects: tags of one to three bytes (never 00 or FF, which are padding), values of
    /// up to 300 bytes, constructed ones holding more objects.
    static func objects(depth: Int, using random: inout SeededGenerator) -> [BERTLV] {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in
            let constructed = depth > 0 && Bool.random(using: &random)
            let tag = Self.tag(constructed: constructed, using: &random)
            let value =
                constructed
                ? objects(depth: depth - 1, using: &random).flatMap { $0.encoded() }
                : (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            return BERTLV(tag: tag, value: value)
        }
    }

    static func tag(constructed: Bool, using random: inout SeededGenerator) -> UInt32 {
        let classBits = UInt8.random(in: 0...3, using: &random) << 6 | (constructed ? 0x20 : 0)
        // A first byte of FF would be padding: that class and form get one-byte tags only.
        switch classBits == 0xE0 ? 0 : Int.random(in: 0...2, using: &random) {
        case 0: return UInt32(classBits | UInt8.random(in: 1...0x1E, using: &random))
        case 1: return UInt32(classBits | 0x1F) << 8 | UInt32.random(in: 0x1F...0x7F, using: &random)
        default:
            return UInt32(classBits | 0x1F) << 16 | UInt32.random(in: 0x81...0xFF, using: &random) << 8
                | UInt32.random(in: 0x00...0x7F, using: &random)
        }
    }
}
