import SmartCard

/// The social security card's commands (规范 part 4; ../shared/CARD.md "Commands").
///
/// Built here and nowhere else; the card simulator parses the same bytes back, so a change to a
/// command shows up on both sides of every rig test.
extension CommandAPDU {
    /// SELECT the master file 3F00 (cards whose SSSE is a DF below it need this first).
    public static let selectMasterFile = CommandAPDU(ins: 0xA4, p1: 0x00, p2: 0x00, data: [0x3F, 0x00])

    /// SELECT a directory by its AID; the card answers its FCI (tag 86 names the algorithm).
    public static func select(aid: [UInt8]) -> CommandAPDU {
        CommandAPDU(ins: 0xA4, p1: 0x04, p2: 0x00, data: aid, expectedLength: 256)
    }

    /// SELECT an elementary file by FID below the current directory (for READ/UPDATE BINARY).
    public static func select(elementaryFile fid: UInt16) -> CommandAPDU {
        CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x00, data: [UInt8(fid >> 8), UInt8(fid & 0xFF)])
    }

    /// READ RECORD of every record from `first` to the last (P2 mode 101): a whole file in one APDU.
    public static func readRecords(sfi: UInt8, from first: UInt8 = 1) -> CommandAPDU {
        CommandAPDU(ins: 0xB2, p1: first, p2: sfi << 3 | 0b101, expectedLength: 256)
    }

    /// READ RECORD of the first record whose tag is `tag` (P2 mode 000): records move between
    /// generations, tags do not.
    public static func readRecord(sfi: UInt8, tag: UInt8) -> CommandAPDU {
        CommandAPDU(ins: 0xB2, p1: tag, p2: sfi << 3, expectedLength: 256)
    }

    /// READ RECORD of the item tagged `tag` in the selected file (P2 00), asking for exactly its
    /// tag, length byte and `length` bytes of value, as regions that select files first send it.
    public static func readRecord(tag: UInt8, length: Int) -> CommandAPDU {
        CommandAPDU(ins: 0xB2, p1: tag, p2: 0x00, expectedLength: length + 2)
    }

    /// READ BINARY of the selected transparent file.
    public static func readBinary(offset: Int, length: Int) -> CommandAPDU {
        CommandAPDU(ins: 0xB0, p1: UInt8(offset >> 8 & 0x7F), p2: UInt8(offset & 0xFF), expectedLength: length)
    }

    /// UPDATE RECORD of the record with tag `tag` (P2 mode 000, as READ RECORD) with secure
    /// messaging: `record` is the whole TLV, the MAC is appended by ``SecureMessaging``.
    public static func updateRecord(sfi: UInt8, tag: UInt8, record: [UInt8]) -> CommandAPDU {
        CommandAPDU(cla: 0x04, ins: 0xDC, p1: tag, p2: sfi << 3, data: record)
    }

    /// UPDATE BINARY of the selected transparent file with secure messaging.
    public static func updateBinary(offset: Int, data: [UInt8]) -> CommandAPDU {
        CommandAPDU(cla: 0x04, ins: 0xD6, p1: UInt8(offset >> 8 & 0x7F), p2: UInt8(offset & 0xFF), data: data)
    }

    /// VERIFY with no data: only asks for the tries left (63Cx).
    public static func verify() -> CommandAPDU {
        CommandAPDU(ins: 0x20)
    }

    /// VERIFY with the PIN as BCD. The data is the PIN's one copy outside the ``PIN``: wipe it once
    /// sent (the session does).
    public static func verify(pin: borrowing PIN) -> CommandAPDU {
        CommandAPDU(ins: 0x20, data: pin.withUnsafeBCD { Array($0) })
    }

    /// CHANGE PIN: old PIN, FF, new PIN, all BCD, written into one buffer of their size (so that no
    /// partial copy is left in a buffer that grew). Wipe the data once sent (the session does).
    public static func changePIN(old: borrowing PIN, new: borrowing PIN) -> CommandAPDU {
        let count = old.byteCount + 1 + new.byteCount
        let data = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let separator = old.withUnsafeBCD { buffer.initialize(fromContentsOf: $0) }
            buffer[separator] = 0xFF
            let newPIN = UnsafeMutableBufferPointer(rebasing: buffer[(separator + 1)...])
            _ = new.withUnsafeBCD { newPIN.initialize(fromContentsOf: $0) }
            initialized = count
        }
        return CommandAPDU(cla: 0x80, ins: 0x5E, p1: 0x01, data: data)
    }

    /// PIN UNBLOCK: only a MAC under the PIN unblock key; resets the try counter.
    public static let pinUnblock = CommandAPDU(cla: 0x84, ins: 0x24, p1: 0x00, p2: 0x00)

    /// PIN RELOAD: a new PIN, encrypted under the reload key, then the MAC.
    public static func pinReload(encryptedPIN: [UInt8]) -> CommandAPDU {
        CommandAPDU(cla: 0x84, ins: 0x24, p1: 0x00, p2: 0x01, data: encryptedPIN)
    }

    /// GET CHALLENGE of 8 random bytes, for an authentication or a MAC's initial vector.
    public static let getChallenge = CommandAPDU(ins: 0x84, expectedLength: 8)

    /// EXTERNAL AUTHENTICATE: the terminal proves it holds the key numbered `keyID`.
    public static func externalAuthenticate(keyID: UInt8, data: [UInt8]) -> CommandAPDU {
        CommandAPDU(ins: 0x82, p1: 0x00, p2: keyID, data: data)
    }

    /// INTERNAL AUTHENTICATE: the card proves it holds the key numbered `keyID`.
    public static func internalAuthenticate(keyID: UInt8, random: [UInt8]) -> CommandAPDU {
        CommandAPDU(ins: 0x88, p1: keyID, p2: 0x00, data: random, expectedLength: 256)
    }

    /// APPLICATION BLOCK (temporary, P2 = 01) under the maintenance key's MAC.
    public static let applicationBlock = CommandAPDU(cla: 0x84, ins: 0x1E, p1: 0x00, p2: 0x01)

    /// APPLICATION UNBLOCK under the maintenance key's MAC: lifts an ``applicationBlock``.
    /// *(unverified)*: taken from the PBOC family that the two block commands come from; the card
    /// specification's public parts name only the blocks, so check it against a region's cards.
    public static let applicationUnblock = CommandAPDU(cla: 0x84, ins: 0x18, p1: 0x00, p2: 0x00)

    /// CARD BLOCK: permanent. Under the maintenance key's MAC.
    public static let cardBlock = CommandAPDU(cla: 0x84, ins: 0x16, p1: 0x00, p2: 0x00)
}
