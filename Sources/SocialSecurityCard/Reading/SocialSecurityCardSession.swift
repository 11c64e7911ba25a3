import CardCrypto
import SmartCard

/// A conversation with one social security card in a reader, from SELECT to the last command.
///
/// Opening it selects the SSSE and learns the card's algorithm; reading asks for whole files in one
/// READ RECORD each and falls back to one item at a time only on cards that refuse that. The
/// channel is a PC/SC connection on the rig and in the field, or an in-process card in unit tests.
public struct SocialSecurityCardSession: Sendable {
    public let channel: any CardChannel
    public let profile: CardProfile
    /// The card's cipher, from tag 86 of the SSSE's FCI.
    public let algorithm: CardAlgorithm

    private init(channel: any CardChannel, profile: CardProfile, algorithm: CardAlgorithm) {
        self.channel = channel
        self.profile = profile
        self.algorithm = algorithm
    }

    /// Selects the SSSE (after `3F00` where the profile says so) and reads its FCI.
    public static func open(_ channel: any CardChannel, profile: CardProfile = .standard)
        async throws(SocialSecurityCardError) -> Self
    {
        if profile.selectMasterFileFirst {
            // Cards whose SSSE is the MF itself refuse this; only losing the card matters here.
            do {
                _ = try await channel.exchange(.selectMasterFile, during: "selecting the card's master file")
            } catch  where error.statusWord != nil {}
        }
        let controlInformation: [UInt8]
        do {
            controlInformation = try await channel.exchange(.select(aid: profile.ssse.aid), during: "the SSSE")
        } catch  where error.statusWord != nil && error != .applicationBlocked && error != .cardBlocked {
            throw .notSocialSecurityCard
        }
        guard let code = FileControlInformation.algorithm(in: controlInformation) else {
            throw .malformedRecord("the social security application does not name its cipher (FCI tag 86)")
        }
        return Self(channel: channel, profile: profile, algorithm: CardAlgorithm(rawValue: code))
    }

    // MARK: Reading

    /// What a card carries from the factory, blank or not: its identifier and generation (EF05
    /// items 01 and 03). One APDU.
    public func readFactoryData() async throws(SocialSecurityCardError) -> FactoryData {
        let file = try file(CardProfile.cardIssuerFile)
        return try factoryData(ItemValues(try await readItems(of: file, generation: .v1), file: file))
    }

    /// EF05, the card issuer data: one APDU (one per item where the region reads item by item).
    public func readIdentity() async throws(SocialSecurityCardError) -> CardIdentity {
        let file = try file(CardProfile.cardIssuerFile)
        return try identity(try await readItems(of: file, generation: .v3), file: file)
    }

    /// EF05 read once for a card that may be blank: its factory data, and its identity unless it was
    /// never personalised (nil then). For checks that show either, without a second READ RECORD.
    public func readFactoryDataAndIdentity() async throws(SocialSecurityCardError)
        -> (factory: FactoryData, identity: CardIdentity?)
    {
        let file = try file(CardProfile.cardIssuerFile)
        let items = try await readItems(of: file, generation: .v3)
        do {
            let identity = try identity(items, file: file)
            return (FactoryData(cardIdentifier: identity.cardIdentifier, generation: identity.generation), identity)
        } catch  where error == .personalisationIncomplete {
            return (try factoryData(ItemValues(items, file: file)), nil)
        }
    }

    private func factoryData(_ values: ItemValues) throws(SocialSecurityCardError) -> FactoryData {
        let bytes = try values.required(.cardIdentifier)
        let identifier = try ItemValues.decoding(.cardIdentifier) { () throws(CardDataError) in
            try CardIdentifier(bytes: bytes)
        }
        let version = try values.text(.specVersion)
        guard let generation = CardGeneration(specVersion: version) else { throw .unsupportedGeneration(version) }
        return FactoryData(cardIdentifier: identifier, generation: generation)
    }

    private func identity(_ items: RecordItems, file: FileProfile) throws(SocialSecurityCardError) -> CardIdentity {
        var identity = try CardIdentity(items: items, profile: profile)
        identity.warnings += items.warnings(file: file)
        return identity
    }

    /// EF06, the cardholder data: one APDU, or three on a 3.0 card, which first wants an external
    /// authentication with the read key.
    public func readCardholder(
        of identity: CardIdentity,
        keys: (any KeyProvider)? = nil
    ) async throws(SocialSecurityCardError) -> Cardholder {
        let file = try file(CardProfile.cardholderFile)
        if case .externalAuthentication(let key) = file.readCondition(for: identity.generation) {
            guard let keys else { throw .keyUnavailable(key) }
            try await authenticate(with: key, keys: keys, identity: identity)
        }
        let items = try await readItems(of: file, generation: identity.generation)
        var cardholder = try Cardholder(items: items, generation: identity.generation, profile: profile)
        cardholder.warnings += items.warnings(file: file)
        return cardholder
    }

    /// The photo (EF08), a JPEG of up to 4 KiB, trailing padding removed.
    public func readPhoto() async throws(SocialSecurityCardError) -> [UInt8] {
        let file = try file(CardProfile.photoFile)
        guard case .transparent(let size) = file.structure else { throw .fileNotFound("EF08") }
        _ = try await channel.exchange(.select(elementaryFile: file.fid), during: "the photo file")
        var photo: [UInt8] = []
        while photo.count < size {
            let chunk = try await channel.exchange(
                .readBinary(offset: photo.count, length: min(256, size - photo.count)),
                during: "reading the photo"
            )
            guard !chunk.isEmpty else { break }
            photo += chunk
        }
        while photo.last == 0x00 || photo.last == 0xFF { photo.removeLast() }
        return photo
    }

    /// The items of a record file, as the profile says the region reads them: all records in one
    /// READ RECORD (item by item on cards that refuse that), or the file selected and read item by item.
    func readItems(of file: FileProfile, generation: CardGeneration) async throws(SocialSecurityCardError)
        -> RecordItems
    {
        var items = RecordItems()
        switch profile.recordAccess {
        case .shortFileIdentifier:
            do {
                try items.add(
                    records: try await channel.exchange(
                        .readRecords(sfi: file.sfi), during: "reading \(fileName(file))"))
            } catch  where error.statusWord.map(Self.refusesReadToEnd) ?? false {
                for item in file.items(for: generation) {
                    try items.add(
                        records: try await channel.exchange(
                            .readRecord(sfi: file.sfi, tag: item.tag), during: item.name))
                }
            }
        case .selectByFileIdentifier:
            _ = try await channel.exchange(.select(elementaryFile: file.fid), during: "selecting \(fileName(file))")
            for item in file.items(for: generation) {
                do {
                    try items.add(
                        records: try await channel.exchange(
                            .readRecord(tag: item.tag, length: item.length), during: item.name))
                } catch  where error.statusWord?.meaning == .recordNotFound {
                    // An item the card lacks is missing below, where the read says whether it needs it.
                }
            }
        }
        return items
    }

    private static func refusesReadToEnd(_ statusWord: StatusWord) -> Bool {
        switch statusWord.meaning {
        case .incorrectP1P2, .wrongParameters, .functionNotSupported, .commandIncompatibleWithFileStructure: true
        default: false
        }
    }

    func file(_ fid: UInt16) throws(SocialSecurityCardError) -> FileProfile {
        guard let file = profile.ssse.file(fid) else { throw .fileNotFound(String(fid, radix: 16, uppercase: true)) }
        return file
    }

    func fileName(_ file: FileProfile) -> String { String(file.fid, radix: 16, uppercase: true) }
}
