import CardCrypto
import SmartCard

/// Card keys held in a PSAM (secure access module) in the desk reader's second slot.
///
/// The PSAM derives the card's key itself from the diversification factors (INIT FOR DESCRYPT)
/// and then encrypts or MACs what the terminal gives it (CIPHER DATA): the keys never leave it.
/// An actor, because an INIT and its CIPHER DATA must not interleave with another card's.
///
/// The command details follow PBOC PSAM practice; the social security PSAM's exact coding is not
/// public *(unverified)*, so they live here only, matched by the project's PSAM simulator.
public actor PSAMKeyProvider: KeyProvider {
    private let channel: any CardChannel
    private let profile: CardProfile
    /// The terminal number in the PSAM's EF16, which the centre knows the desk by.
    public let terminalNumber: [UInt8]

    /// The PSAM application's AID.
    public static let applicationID: [UInt8] = [0xD1, 0x56, 0x00, 0x00, 0x05, 0x90]

    /// Selects the PSAM application and reads the terminal number.
    public init(channel: any CardChannel, profile: CardProfile = .standard) async throws(SocialSecurityCardError) {
        self.channel = channel
        self.profile = profile
        do {
            _ = try await channel.exchange(.select(aid: Self.applicationID), during: "the PSAM application")
        } catch  where error == .fileNotFound("") {
            throw .keyProviderFailed("the card in the PSAM slot is not a PSAM")
        }
        terminalNumber = try await channel.exchange(
            CommandAPDU(ins: 0xB0, p1: 0x80 | 0x16, p2: 0, expectedLength: 6),
            during: "reading the PSAM's terminal number"
        )
    }

    public func encrypt(_ blocks: [UInt8], with key: KeyName, for card: CardKeyContext)
        async throws(SocialSecurityCardError) -> [UInt8]
    {
        try await initialise(key, for: card)
        // What is encrypted can be a PIN (PIN RELOAD): the APDU's bytes are wiped once sent.
        return try await channel.exchange(
            secret: CommandAPDU(cla: 0x80, ins: 0xFA, p1: 0x00, data: blocks, expectedLength: 256),
            during: "encrypting in the PSAM"
        )
    }

    public func mac(
        _ input: [UInt8],
        initialVector: [UInt8],
        with key: KeyName,
        for card: CardKeyContext
    ) async throws(SocialSecurityCardError) -> [UInt8] {
        try await initialise(key, for: card)
        let blockSize = card.algorithm.blockSize
        guard initialVector.count <= blockSize else { throw .malformedCommand("an initial vector longer than a block") }
        let vector = initialVector + Array(repeating: 0, count: blockSize - initialVector.count)
        return try await channel.exchange(
            CommandAPDU(cla: 0x80, ins: 0xFA, p1: 0x05, data: vector + input, expectedLength: 4),
            during: "computing a MAC in the PSAM"
        )
    }

    /// INIT FOR DESCRYPT: key `name` of the card's algorithm, diversified by region then card.
    private func initialise(_ name: KeyName, for card: CardKeyContext) async throws(SocialSecurityCardError) {
        guard let reference = profile.key(name) else { throw .keyUnavailable(name) }
        let factors = try card.factors(levels: reference.diversificationLevels).flatMap(\.bytes)
        do {
            _ = try await channel.exchange(
                CommandAPDU(cla: 0x80, ins: 0x1A, p1: card.algorithm.rawValue, p2: reference.keyID, data: factors),
                during: "selecting key \(name) in the PSAM"
            )
        } catch  where error == .recordNotFound("") {
            throw .keyUnavailable(name)
        }
    }
}
