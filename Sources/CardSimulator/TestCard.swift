import SmartCard

/// A tiny ISO 7816-4 card for testing the PC/SC layer on the rig: one transparent file and the
/// awkward answers a terminal must cope with.
///
/// - SELECT `3F00` (MF) and `2F01` (a 600-byte transparent EF, bytes `i & 0xFF`), by FID with P2 `0C`.
/// - READ BINARY (`B0`) from the selected EF, offset in P1-P2; `6Cxx` when Le is beyond the end.
/// - GET DATA (`CA`) P1 `01`: answers `61xx` like a T=0 card and serves 300 bytes through GET RESPONSE
///   in pieces of at most 256 bytes; P1 `02`: 16 bytes, answered `6C10` unless Le is exactly 16.
/// - ECHO (`EE`): returns the command data, for round-trip measurements.
public struct TestCard: VirtualCard {
    public let atr: [UInt8]

    private static let fileID: UInt16 = 0x2F01
    private static let fileSize = 600
    private static let chainedData = (0..<300).map { UInt8(truncatingIfNeeded: 0xA0 &+ $0) }
    private static let exactData = (0..<16).map { UInt8(0x10 + $0) }

    private var selectedFile: UInt16?
    private var pendingResponse: [UInt8] = []

    public init() {
        // TS, T0 (TD1 follows, 10 historical bytes), TD1 (TD2 follows, T=0), TD2 (T=1), historical bytes, TCK.
        var bytes: [UInt8] = [0x3B, 0x8A, 0x80, 0x01] + Array("SSKIOSK-TC".utf8)
        bytes.append(bytes.dropFirst().reduce(0, ^))
        atr = bytes
    }

    public mutating func reset() {
        selectedFile = nil
        pendingResponse = []
    }

    public mutating func respond(to command: [UInt8]) -> [UInt8] {
        guard let apdu = try? CommandAPDU(bytes: command) else { return sw(0x6700) }
        guard apdu.cla & 0xF0 == 0x00 else { return sw(0x6E00) }
        if apdu.ins != 0xC0 { pendingResponse = [] }
        switch apdu.ins {
        case 0xA4: return select(apdu)
        case 0xB0: return readBinary(apdu)
        case 0xCA: return getData(apdu)
        case 0xC0: return getResponse(apdu)
        case 0xEE: return apdu.data + [0x90, 0x00]
        default: return sw(0x6D00)
        }
    }

    private func sw(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }

    private mutating func select(_ apdu: CommandAPDU) -> [UInt8] {
        guard apdu.p1 == 0x00 || apdu.p1 == 0x02, apdu.data.count == 2 else { return sw(0x6A86) }
        switch UInt16(apdu.data[0]) << 8 | UInt16(apdu.data[1]) {
        case 0x3F00:
            selectedFile = nil
        case Self.fileID:
            selectedFile = Self.fileID
        default:
            return sw(0x6A82)
        }
        return sw(0x9000)
    }

    private func readBinary(_ apdu: CommandAPDU) -> [UInt8] {
        guard selectedFile == Self.fileID else { return sw(0x6986) }
        let offset = Int(apdu.p1 & 0x7F) << 8 | Int(apdu.p2)
        guard offset < Self.fileSize else { return sw(0x6B00) }
        let available = Self.fileSize - offset
        let wanted = apdu.expectedLength ?? 256
        guard wanted <= available else { return [0x6C, UInt8(truncatingIfNeeded: available)] }
        return (offset..<(offset + wanted)).map { UInt8(truncatingIfNeeded: $0) } + sw(0x9000)
    }

    private mutating func getData(_ apdu: CommandAPDU) -> [UInt8] {
        switch apdu.p1 {
        case 0x01:
            pendingResponse = Self.chainedData
            return [0x61, UInt8(truncatingIfNeeded: min(pendingResponse.count, 256))]
        case 0x02:
            guard apdu.expectedLength == Self.exactData.count else { return [0x6C, UInt8(Self.exactData.count)] }
            return Self.exactData + sw(0x9000)
        default:
            return sw(0x6A88)
        }
    }

    private mutating func getResponse(_ apdu: CommandAPDU) -> [UInt8] {
        guard !pendingResponse.isEmpty else { return sw(0x6985) }
        let count = min(apdu.expectedLength ?? 256, pendingResponse.count)
        let piece = Array(pendingResponse.prefix(count))
        pendingResponse.removeFirst(count)
        guard !pendingResponse.isEmpty else { return piece + sw(0x9000) }
        return piece + [0x61, UInt8(truncatingIfNeeded: min(pendingResponse.count, 256))]
    }
}
