import HexCoding

/// An answer to reset (ISO 7816-3 §8): what a card says about itself before the first command.
///
/// Parsing is strict — every announced byte present, TCK right, nothing left over — because a
/// half-inserted card or a mis-clocked reader produces ATRs that are *almost* right, and failing
/// here, naming the byte where it breaks, is cheaper than a protocol error three APDUs later.
///
/// Everything is parsed from ``logicalBytes``, the character values in direct convention. PC/SC
/// readers already hand those over (TS reads `3F` for an inverse-convention card precisely because
/// the reader decoded it); only an undecoded capture, where TS reads `03`, is converted first.
public struct ATR: Hashable, Sendable {
    /// TS plus at most 32 characters (ISO 7816-3 §8.2.1), the same bound as PC/SC's `MAX_ATR_SIZE`.
    public static let maximumLength = 33

    /// The bytes exactly as given, for logging and for matching against ATR lists.
    public let bytes: [UInt8]
    /// The bytes as direct-convention character values; equal to ``bytes`` except for an
    /// inverse-convention ATR captured undecoded (TS `03`), which is bit-reversed and complemented.
    public let logicalBytes: [UInt8]
    /// The convention announced by TS.
    public let convention: Convention
    /// Interface bytes per level: `[0]` is level 1 (TA1…TD1, announced by T0), `[1]` is level 2
    /// (announced by TD1), and so on. Level 1 is always there, possibly empty.
    public let interfaceBytes: [InterfaceBytes]
    /// The transmission protocols offered, in the order the TD bytes give them, each once.
    /// T=15 is left out: it only marks global interface bytes and cannot be selected.
    /// Without any TD the card offers T=0 alone, as ISO 7816-3 implies.
    public let protocols: [Int]
    /// The K historical bytes (K is T0's low nibble); their meaning belongs to the card issuer.
    public let historicalBytes: [UInt8]
    /// The check byte; present exactly when a protocol other than T=0 is indicated.
    public let tck: UInt8?

    /// Parses and checks an ATR; a wrong one throws ``SmartCardError/malformedATR(_:)`` saying where it breaks.
    public init(bytes: some Collection<UInt8>) throws(SmartCardError) {
        let raw = Array(bytes)
        guard let ts = raw.first else { throw .malformedATR("it is empty") }
        guard raw.count <= Self.maximumLength else {
            throw .malformedATR("it is \(raw.count) bytes long; ISO 7816-3 allows at most \(Self.maximumLength)")
        }
        let b: [UInt8]
        switch ts {
        case 0x3B:
            convention = .direct
            b = raw
        case 0x3F:
            convention = .inverse
            b = raw
        case 0x03:
            // 3F read as if it were direct convention: an undecoded capture, so every character is mirrored.
            convention = .inverse
            b = raw.map(Convention.convert)
        default:
            throw .malformedATR("TS is \(Self.hex(ts)); it must be 3B (direct convention) or 3F (inverse convention)")
        }
        guard b.count >= 2 else { throw .malformedATR("it ends after TS; T0 is missing") }

        var position = 2
        var levels: [InterfaceBytes] = []
        var indicator = b[1] >> 4
        var announcer = "T0"
        let fields: [(bit: UInt8, name: String, keyPath: WritableKeyPath<InterfaceBytes, UInt8?>)] = [
            (0x1, "TA", \.ta), (0x2, "TB", \.tb), (0x4, "TC", \.tc), (0x8, "TD", \.td),
        ]
        while true {
            let level = levels.count + 1
            var current = InterfaceBytes()
            for field in fields where indicator & field.bit != 0 {
                guard position < b.count else {
                    throw .malformedATR(
                        "it ends after \(b.count) bytes, but \(announcer) announces \(field.name)\(level)")
                }
                current[keyPath: field.keyPath] = b[position]
                position += 1
            }
            levels.append(current)
            // Each further level consumed a TD byte, so the loop ends within the 33 bytes.
            guard let td = current.td else { break }
            indicator = td >> 4
            announcer = "TD\(level)"
        }

        let k = Int(b[1] & 0x0F)
        guard b.count - position >= k else {
            throw .malformedATR(
                "T0 announces \(k) historical bytes, but only \(b.count - position) follow the interface bytes")
        }
        let historical = Array(b[position..<position + k])
        position += k

        let indicated = levels.compactMap(\.indicatedProtocol)
        var checkByte: UInt8?
        // ISO 7816-3 §8.2.5: TCK is absent only when T=0 is the sole protocol indicated.
        if let nonZero = indicated.first(where: { $0 != 0 }) {
            guard position < b.count else {
                throw .malformedATR("TCK is missing; it is required because T=\(nonZero) is indicated")
            }
            let tck = b[position]
            position += 1
            let sum = b[1..<position].reduce(0, ^)
            guard sum == 0 else {
                throw .malformedATR(
                    "TCK is \(Self.hex(tck)), but T0 to the last historical byte require \(Self.hex(tck ^ sum))")
            }
            checkByte = tck
        }
        guard position == b.count else {
            let extra = b.count - position
            let after =
                checkByte == nil
                ? "the historical bytes (no TCK is expected when only T=0 is indicated)"
                : "TCK"
            throw .malformedATR(
                "\(extra) unexpected byte\(extra == 1 ? "" : "s") follow\(extra == 1 ? "s" : "") \(after)")
        }

        var offered: [Int] = []
        for t in indicated where t != 15 && !offered.contains(t) { offered.append(t) }

        self.bytes = raw
        self.logicalBytes = b
        self.interfaceBytes = levels
        self.protocols = offered.isEmpty ? [0] : offered
        self.historicalBytes = historical
        self.tck = checkByte
    }

    private static func hex(_ byte: UInt8) -> String { [byte].hexString }
}

// MARK: Convention and interface bytes

extension ATR {
    /// How the card encodes bits on the line, announced by TS.
    public enum Convention: Hashable, Sendable {
        /// TS `3B`: high level is 1, least significant bit first.
        case direct
        /// TS `3F`: low level is 1, most significant bit first.
        case inverse

        /// Reverses the bit order and complements: a character read in the wrong convention becomes
        /// the one the card meant. Its own inverse, so it both encodes and decodes.
        static func convert(_ byte: UInt8) -> UInt8 {
            var v = byte
            v = (v & 0xF0) >> 4 | (v & 0x0F) << 4
            v = (v & 0xCC) >> 2 | (v & 0x33) << 2
            v = (v & 0xAA) >> 1 | (v & 0x55) << 1
            return ~v
        }
    }

    /// TAi, TBi, TCi and TDi of one level; each is present only if T0 or the previous TD announces it.
    public struct InterfaceBytes: Hashable, Sendable {
        public var ta: UInt8?
        public var tb: UInt8?
        public var tc: UInt8?
        public var td: UInt8?

        public init(ta: UInt8? = nil, tb: UInt8? = nil, tc: UInt8? = nil, td: UInt8? = nil) {
            self.ta = ta
            self.tb = tb
            self.tc = tc
            self.td = td
        }

        /// The protocol T in TD's low nibble; it also says which protocol the next level's bytes are for.
        public var indicatedProtocol: Int? { td.map { Int($0 & 0x0F) } }
    }

    /// TA2: the card is in specific mode, running one protocol instead of waiting for a PPS.
    public struct SpecificMode: Hashable, Sendable {
        /// The protocol T the card runs.
        public var transmissionProtocol: Int
        /// Whether a warm reset can bring the card back to negotiable mode (bit 8 is 0).
        public var canChange: Bool
        /// Whether Fi and Di from TA1 apply (bit 5 is 0) rather than implicit values known otherwise.
        public var usesTA1Parameters: Bool

        public init(transmissionProtocol: Int, canChange: Bool, usesTA1Parameters: Bool) {
            self.transmissionProtocol = transmissionProtocol
            self.canChange = canChange
            self.usesTA1Parameters = usesTA1Parameters
        }
    }
}

// MARK: Global parameters

extension ATR {
    /// TA1, which carries Fi, Di and f(max); `nil` means the card accepts the defaults.
    private var ta1: UInt8? { interfaceBytes[0].ta }

    /// The clock rate conversion integer Fi (ISO 7816-3 table 7); 372 without TA1,
    /// `nil` for a reserved (RFU) value, which a reader cannot honour.
    public var fi: Int? { Self.clockRate(ta1.map { $0 >> 4 } ?? 1)?.fi }

    /// The highest clock frequency in MHz the card supports with this Fi; 5 without TA1,
    /// `nil` for a reserved value.
    public var fMax: Double? { Self.clockRate(ta1.map { $0 >> 4 } ?? 1)?.fMax }

    /// The baud rate adjustment integer Di (ISO 7816-3 table 8); 1 without TA1,
    /// `nil` for a reserved value. One etu lasts Fi/Di clock cycles.
    public var di: Int? { Self.baudRateAdjustment(ta1.map { $0 & 0x0F } ?? 1) }

    /// TC1, the extra guard time N in etu the reader adds between characters it sends; 0 without TC1.
    /// 255 means the minimum: 12 etu for T=0, 11 for T=1.
    public var extraGuardTime: Int { Int(interfaceBytes[0].tc ?? 0) }

    /// The specific mode from TA2, or `nil` when the card is negotiable (no TA2).
    public var specificMode: SpecificMode? {
        guard interfaceBytes.count > 1, let ta2 = interfaceBytes[1].ta else { return nil }
        return SpecificMode(
            transmissionProtocol: Int(ta2 & 0x0F),
            canChange: ta2 & 0x80 == 0,
            usesTA1Parameters: ta2 & 0x10 == 0
        )
    }

    private static func clockRate(_ index: UInt8) -> (fi: Int, fMax: Double)? {
        switch index {
        case 0x0: (372, 4)
        case 0x1: (372, 5)
        case 0x2: (558, 6)
        case 0x3: (744, 8)
        case 0x4: (1116, 12)
        case 0x5: (1488, 16)
        case 0x6: (1860, 20)
        case 0x9: (512, 5)
        case 0xA: (768, 7.5)
        case 0xB: (1024, 10)
        case 0xC: (1536, 15)
        case 0xD: (2048, 20)
        default: nil
        }
    }

    private static func baudRateAdjustment(_ index: UInt8) -> Int? {
        switch index {
        case 0x1: 1
        case 0x2: 2
        case 0x3: 4
        case 0x4: 8
        case 0x5: 16
        case 0x6: 32
        case 0x7: 64
        case 0x8: 12
        case 0x9: 20
        default: nil
        }
    }
}

extension ATR: CustomStringConvertible {
    /// One line for logs: the bytes, then what a technician needs to judge the card.
    public var description: String {
        let fiText = fi.map(String.init) ?? "RFU"
        let diText = di.map(String.init) ?? "RFU"
        let protocolsText = protocols.map { "T=\($0)" }.joined(separator: "/")
        let historicalText = historicalBytes.isEmpty ? "none" : historicalBytes.hexString
        return
            "ATR \(bytes.hexString): \(convention) convention, \(protocolsText), Fi=\(fiText), Di=\(diText), historical bytes \(historicalText)"
    }
}
