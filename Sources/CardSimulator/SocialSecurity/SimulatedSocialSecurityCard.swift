import SmartCard
import SocialSecurityCard

/// A social security card chip behind a vpcd slot (or in-process): the SSSE and its files, the PIN
/// with its try counter, challenges, authentications, secure-messaging MACs and blocking, in the
/// three generations and with either algorithm, as ../shared/CARD.md describes the card.
///
/// State that survives power loss lives in ``image``; every command that changes it calls
/// `persist`, before answering, so a card pulled right after a write keeps the write — like a
/// chip whose EEPROM write completed.
public struct SimulatedSocialSecurityCard: VirtualCard {
    public internal(set) var image: CardImage
    let profile: CardProfile
    let persist: @Sendable (CardImage) -> Void
    var session = Session()

    /// What a card forgets on reset.
    struct Session {
        var masterFileSelected = false
        var directory: DirectoryProfile?
        var elementaryFile: UInt16?
        var pinVerified = false
        var authenticated: Set<KeyName> = []
        var challenge: [UInt8]?
        var pendingResponse: [UInt8] = []
    }

    public init(
        image: CardImage, profile: CardProfile = .standard, persist: @escaping @Sendable (CardImage) -> Void = { _ in }
    ) {
        self.image = image
        self.profile = profile
        self.persist = persist
    }

    /// T=0 only (TD1 absent) or T=1 (TD2 announcing TA3 = IFSC 254 and TB3 = BWI 4, CWI 5), with
    /// "SSC" and the generation as historical bytes. Contactless, the ATR PC/SC part 3 synthesises
    /// for an ISO 14443-4 card: `3B 8n 80 01`, the ATS's historical bytes (here the chip maker's
    /// part of those of the card in gdgly/SI_3rdCard's EgAPP log), TCK; nothing in it says what card it is.
    public var atr: [UInt8] {
        var bytes: [UInt8]
        switch image.transmission {
        case .t0:
            let historical = Array("SSC\(image.generation.rawValue)".utf8)
            return [0x3B, 0x60 | UInt8(historical.count), 0x00, 0x00] + historical
        case .t1:
            let historical = Array("SSC\(image.generation.rawValue)".utf8)
            bytes = [0x3B, 0x80 | UInt8(historical.count), 0x81, 0x31, 0xFE, 0x45] + historical
        case .contactless:
            let historical: [UInt8] = [0x00, 0x81, 0x54, 0x4C, 0x96, 0x86, 0x84, 0x51, 0x01]
            bytes = [0x3B, 0x80 | UInt8(historical.count), 0x80, 0x01] + historical
        }
        bytes.append(bytes.dropFirst().reduce(0, ^))
        return bytes
    }

    /// What a blocked application still answers *(unverified; as PBOC applications do)*: SELECT
    /// (with the GET RESPONSE that fetches its FCI on T=0), GET CHALLENGE and APPLICATION UNBLOCK,
    /// the way back. Everything else gets `9303`, the read of EF05 included.
    static let answeredWhileBlocked: Set<UInt8> = [0xA4, 0xC0, 0x84, 0x18]

    public mutating func reset() {
        session = Session()
    }

    public mutating func respond(to bytes: [UInt8]) -> [UInt8] {
        guard let command = try? CommandAPDU(bytes: bytes) else { return Status.wrongLength }
        if command.ins != 0xC0 { session.pendingResponse = [] }
        if image.cardBlocked { return Status.cardBlocked }
        if image.applicationBlocked, session.directory?.name == profile.ssse.name,
            !Self.answeredWhileBlocked.contains(command.ins)
        {
            return Status.applicationBlocked
        }
        switch (command.cla, command.ins) {
        case (0x00, 0xA4): return select(command)
        case (0x00, 0xC0): return getResponse(command)
        case (0x00, 0xB2): return readRecord(command)
        case (0x00, 0xB0): return readBinary(command)
        case (0x04, 0xDC): return updateRecord(command)
        case (0x04, 0xD6): return updateBinary(command)
        case (0x00, 0x20): return verify(command)
        case (0x80, 0x5E): return changePIN(command)
        case (0x84, 0x24): return command.p2 == 0 ? unblockPIN(command) : reloadPIN(command)
        case (0x00, 0x84): return getChallenge(command)
        case (0x00, 0x82): return externalAuthenticate(command)
        case (0x00, 0x88): return internalAuthenticate(command)
        case (0x84, 0x1E): return block(command, card: false)
        case (0x84, 0x18): return unblockApplication(command)
        case (0x84, 0x16): return block(command, card: true)
        case (let cla, _) where cla & 0xF0 != 0x00 && cla & 0xF0 != 0x80: return Status.claNotSupported
        default: return Status.insNotSupported
        }
    }
}
