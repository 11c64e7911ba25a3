import CardCrypto
import SocialSecurityCard

extension CardImage {
    /// A card as the factory delivers it to a desk (`cardholder` nil: only the card identifier and
    /// the spec version set, the issue date empty) or as the desk hands it out (personalised).
    /// The card's keys are the key set's master keys diversified for this card.
    public static func issue(
        identity: CardIdentity,
        cardholder: Cardholder?,
        algorithm: CardAlgorithm,
        transmission: Transmission,
        keys: SoftwareKeySet,
        pin: String,
        profile: CardProfile = .standard
    ) throws(SocialSecurityCardError) -> CardImage {
        var written: [UInt16: [UInt8: TLV]] = [:]
        let factoryFields: Set<DataItem.Field> = [.cardIdentifier, .specVersion]
        for item in try identity.records(profile: profile) {
            let field = profile.ssse.file(item.fid)?.items(for: identity.generation).first {
                $0.tag == item.record.tag
            }?.field
            if cardholder != nil || field.map(factoryFields.contains) == true {
                written[item.fid, default: [:]][item.record.tag] = item.record
            }
        }
        for item in try cardholder?.records(generation: identity.generation, profile: profile) ?? [] {
            written[item.fid, default: [:]][item.record.tag] = item.record
        }

        var files: [String: FileContent] = [:]
        for file in profile.ssse.files {
            let path = CardImage.path(profile.ssse, file.fid)
            switch file.structure {
            case .records:
                var records: [HexBytes] = []
                for item in file.items(for: identity.generation) {
                    let record =
                        written[file.fid]?[item.tag]
                        ?? TLV(tag: item.tag, value: Array(repeating: 0, count: item.length))
                    do {
                        records.append(HexBytes(try record.encoded()))
                    } catch {
                        throw .cardData(error.message)
                    }
                }
                files[path] = .records(records)
            case .transparent(let size):
                files[path] = .transparent(HexBytes(Array(repeating: 0, count: size)))
            case .cyclic(let count, let length):
                files[path] = .records(Array(repeating: HexBytes(Array(repeating: 0, count: length)), count: count))
            }
        }

        let context = try identity.keyContext(algorithm: algorithm)
        var cardKeys: [String: HexBytes] = [:]
        for reference in profile.keys {
            let key = try keys.cardKey(reference.name, for: context)
            cardKeys[reference.name.rawValue] = HexBytes(key.withUnsafeBytes { Array($0) })
        }
        return CardImage(
            generation: identity.generation,
            algorithm: algorithm.rawValue,
            transmission: transmission,
            files: files,
            keys: cardKeys,
            pin: pin,
            pinTries: profile.pinTries
        )
    }
}
