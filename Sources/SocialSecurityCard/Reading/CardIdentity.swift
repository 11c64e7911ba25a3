import CardCrypto

/// The card issuer data of EF05 (发卡机构数据): which card this is and who issued it. Free to read,
/// and no personal data: diagnostics may show all of it.
public struct CardIdentity: Hashable, Sendable {
    public var cardIdentifier: CardIdentifier
    /// 卡类别, '1' to '4'.
    public var cardType: String
    /// 规范版本 as the card states it ("3.00").
    public var specVersion: String
    public var generation: CardGeneration
    public var initialisingBody: String
    public var issueDate: CardDate
    public var expiryDate: CardDate
    public var cardNumber: CardNumber

    public init(
        cardIdentifier: CardIdentifier,
        cardType: String,
        generation: CardGeneration,
        initialisingBody: String,
        issueDate: CardDate,
        expiryDate: CardDate,
        cardNumber: CardNumber
    ) {
        self.cardIdentifier = cardIdentifier
        self.cardType = cardType
        self.specVersion = generation.rawValue
        self.generation = generation
        self.initialisingBody = initialisingBody
        self.issueDate = issueDate
        self.expiryDate = expiryDate
        self.cardNumber = cardNumber
    }

    /// Decodes EF05's items by tag, however they were read (package: the benchmarks' readers use it).
    package init(items: [UInt8: [UInt8]], profile: CardProfile) throws(SocialSecurityCardError) {
        let values = ItemValues(items, profile: profile)
        let identifier = try values.required(.cardIdentifier)
        cardIdentifier = try ItemValues.decoding(.cardIdentifier) { () throws(CardDataError) in
            try CardIdentifier(bytes: identifier)
        }
        specVersion = try values.text(.specVersion)
        guard let generation = CardGeneration(specVersion: specVersion) else {
            throw .unsupportedGeneration(specVersion)
        }
        self.generation = generation
        cardType = try values.text(.cardType)
        initialisingBody = try values.digits(.initialisingBody)
        // A card whose issue date is unset was never finished at the desk (or was torn mid-write).
        guard try values.required(.issueDate).contains(where: { $0 != 0x00 && $0 != 0xFF }) else {
            throw .personalisationIncomplete
        }
        issueDate = try values.date(.issueDate)
        expiryDate = try values.date(.expiryDate)
        let number = try values.text(.cardNumber)
        cardNumber = try ItemValues.decoding(.cardNumber) { () throws(CardDataError) in
            try CardNumber(reading: number)
        }
    }

    /// What is odd about this card but does not stop it being read, in plain words for staff (never
    /// shown to residents): real cards differ from the profile in ways a terminal must accept.
    public var warnings: [String] {
        cardNumber.followsCheckRule
            ? []
            : [
                "the card number \(cardNumber.value) does not end in the check character this terminal computes "
                    + "(an unverified rule); the card was read anyway"
            ]
    }

    /// The records of EF05 holding this identity, as a personalisation writes them.
    public func records(profile: CardProfile) throws(SocialSecurityCardError) -> [FileRecord] {
        let values: [(DataItem.Field, ItemValues.Value)] = [
            (.cardIdentifier, .bytes(cardIdentifier.bytes)),
            (.cardType, .text(cardType)),
            (.specVersion, .text(specVersion)),
            (.initialisingBody, .digits(initialisingBody)),
            (.expiryDate, .digits(expiryDate.yyyymmdd)),
            (.cardNumber, .text(cardNumber.value)),
            (.issueDate, .digits(issueDate.yyyymmdd)),
        ]
        var records: [FileRecord] = []
        for (field, value) in values {
            if let record = try ItemValues.record(field, value, profile: profile) { records.append(record) }
        }
        return records
    }

    /// The diversification context of this card's keys.
    public func keyContext(algorithm: CardAlgorithm) throws(SocialSecurityCardError) -> CardKeyContext {
        try CardKeyContext(algorithm: algorithm, cardIdentifier: cardIdentifier)
    }
}
