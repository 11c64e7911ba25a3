/// A command APDU (ISO 7816-4 §5.1): header, optional command data, optional expected length.
///
/// The four cases follow from which of `data` and `expectedLength` are present; the encoding
/// chooses short or extended length by itself, so callers think in lengths, not in Lc/Le bytes.
public struct CommandAPDU: Hashable, Sendable {
    public var cla: UInt8
    public var ins: UInt8
    public var p1: UInt8
    public var p2: UInt8
    /// Command data (Nc bytes); empty for cases 1 and 2.
    public var data: [UInt8]
    /// Ne, the maximum number of response bytes expected; `nil` for cases 1 and 3.
    /// 256 is encoded as short Le `00`, 65536 as extended Le `0000`.
    public var expectedLength: Int?

    /// The largest Nc an extended APDU can carry.
    public static let maximumDataLength = 65_535
    /// The largest Ne an extended APDU can ask for.
    public static let maximumExpectedLength = 65_536

    public init(
        cla: UInt8 = 0x00, ins: UInt8, p1: UInt8 = 0, p2: UInt8 = 0, data: [UInt8] = [], expectedLength: Int? = nil
    ) {
        self.cla = cla
        self.ins = ins
        self.p1 = p1
        self.p2 = p2
        self.data = data
        self.expectedLength = expectedLength
    }

    /// The ISO 7816-3 command case, which decides what follows the header.
    public enum Case: Int, Sendable {
        case noDataNoResponse = 1
        case responseOnly = 2
        case dataOnly = 3
        case dataAndResponse = 4
    }

    public var apduCase: Case {
        switch (data.isEmpty, expectedLength == nil) {
        case (true, true): .noDataNoResponse
        case (true, false): .responseOnly
        case (false, true): .dataOnly
        case (false, false): .dataAndResponse
        }
    }

    /// Whether the encoding needs extended length fields (Nc > 255 or Ne > 256).
    public var isExtended: Bool {
        data.count > 255 || (expectedLength ?? 0) > 256
    }

    /// The bytes sent to the card.
    public func encoded() throws(SmartCardError) -> [UInt8] {
        guard data.count <= Self.maximumDataLength else {
            throw .malformedCommand("\(data.count) data bytes exceed the maximum of \(Self.maximumDataLength)")
        }
        if let ne = expectedLength, !(1...Self.maximumExpectedLength).contains(ne) {
            throw .malformedCommand("expected length \(ne) is outside 1...\(Self.maximumExpectedLength)")
        }
        var bytes: [UInt8] = [cla, ins, p1, p2]
        bytes.reserveCapacity(4 + 3 + data.count + 3)
        let extended = isExtended
        if !data.isEmpty {
            if extended {
                bytes += [0x00, UInt8(data.count >> 8), UInt8(data.count & 0xFF)]
            } else {
                bytes.append(UInt8(data.count))
            }
            bytes += data
        }
        if let ne = expectedLength {
            if extended {
                // Case 2E carries a leading 00 before Le; case 4E's Lc already has it.
                if data.isEmpty { bytes.append(0x00) }
                let le = ne == 65_536 ? 0 : ne
                bytes += [UInt8(le >> 8), UInt8(le & 0xFF)]
            } else {
                bytes.append(ne == 256 ? 0 : UInt8(ne))
            }
        }
        return bytes
    }

    /// Parses the bytes a card receives, as a virtual card does. Rejects any length field that
    /// disagrees with the number of bytes present.
    public init(bytes: some Collection<UInt8>) throws(SmartCardError) {
        let b = Array(bytes)
        guard b.count >= 4 else {
            throw .malformedCommand("\(b.count) bytes are too short for a header (4 bytes)")
        }
        self.init(cla: b[0], ins: b[1], p1: b[2], p2: b[3])
        let body = b[4...]
        let n = body.count
        guard n > 0 else { return }
        let first = Int(body[body.startIndex])
        if n == 1 {
            expectedLength = first == 0 ? 256 : first
        } else if first != 0 {
            // Short Lc, then Nc data bytes, then an optional short Le.
            let dataEnd = 5 + first
            guard n == 1 + first || n == 2 + first else {
                throw .malformedCommand("Lc is \(first) but \(n - 1) bytes follow it")
            }
            data = Array(b[5..<dataEnd])
            if n == 2 + first {
                let le = Int(b[dataEnd])
                expectedLength = le == 0 ? 256 : le
            }
        } else {
            guard n >= 3 else {
                throw .malformedCommand("extended length field is truncated")
            }
            let value = Int(body[body.startIndex + 1]) << 8 | Int(body[body.startIndex + 2])
            if n == 3 {
                expectedLength = value == 0 ? 65_536 : value
                return
            }
            guard value > 0 else {
                throw .malformedCommand("extended Lc is 0")
            }
            let dataStart = 7
            let dataEnd = dataStart + value
            guard n == 3 + value || n == 5 + value else {
                throw .malformedCommand("extended Lc is \(value) but \(n - 3) bytes follow it")
            }
            data = Array(b[dataStart..<dataEnd])
            if n == 5 + value {
                let le = Int(b[dataEnd]) << 8 | Int(b[dataEnd + 1])
                expectedLength = le == 0 ? 65_536 : le
            }
        }
    }
}

extension CommandAPDU {
    /// GET RESPONSE (`00 C0 00 00 xx`), fetching bytes a card announced with `61xx`.
    public static func getResponse(cla: UInt8 = 0x00, length: Int) -> CommandAPDU {
        CommandAPDU(cla: cla, ins: 0xC0, expectedLength: length)
    }
}
