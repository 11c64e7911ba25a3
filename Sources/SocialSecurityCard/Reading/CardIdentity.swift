import CardCrypto

/// The card issuer data of EF05 (发卡机构数据): which card this is and who issued it. Free to read,
/// and no personal data: diagnostics may show all of it.
public struct CardIdentity: Hashable, Sendable {
    public var cardIdentifier: CardIdentifier
    /// 卡类别, '1' to '4'; nil when the region's profile does not read it.
    public var cardType: String?
    /// 规范版本 as the card states it ("3.00").
    public var specVersion: String
    public var generation: CardGeneration
    public var initialisingBody: String?
    public var issueDate: CardDate?
    public var expiryDate: CardDate?
    public var cardNumber: CardNumber
    /// What is odd about this card but does not stop it being read, in plain words for staff (never
    /// shown to residents): real cards differ from the profile in ways a terminal must accept.
    public var warnings: [String]

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
        warnings = []
    }

    /// Decodes EF05's items by tag, however they were read (package: the benchmarks' readers use it).
    ///
    /// Liberal in what it accepts: items the profile does not read are left nil, a spec version it
    /// does not name reads as the newest it knows, a card number outside the unverified check and a
    /// card past its expiry read too; each oddity is a warning.
    package init(items: RecordItems, profile: CardProfile, today: CardDate = .today())
        throws(SocialSecurityCardError)
    {
        let values = ItemValues(items, file: profile.ssse.file(CardProfile.cardIssuerFile))
        var warnings: [String] = []
        let identifier = try values.required(.cardIdentifier)
        cardIdentifier = try ItemValues.decoding(.cardIdentifier) { () throws(CardDataError) in
            try CardIdentifier(bytes: identifier)
        }
        specVersion = try values.text(.specVersion)
        if let generation = CardGeneration(specVersion: specVersion) {
            self.generation = generation
        } else if let major = specVersion.first(where: \.isNumber)?.wholeNumberValue, major > 3 {
            generation = .v3
            warnings.append(
                "the card states specification version \"\(specVersion)\", which this terminal does not know; "
                    + "its files matched the card profile and it was read as a 3.00 card")
        } else {
            throw .unsupportedGeneration(specVersion)
        }
        cardType = try values.optional(.cardType).map { bytes throws(SocialSecurityCardError) in
            try ItemValues.text(.cardType, bytes)
        }
        initialisingBody = try values.optional(.initialisingBody).map { bytes throws(SocialSecurityCardError) in
            try ItemValues.digits(.initialisingBody, bytes)
        }
        // A card whose issue date is unset was never finished at the desk (or was torn mid-write).
        if let issue = values.optional(.issueDate) {
            guard issue.contains(where: { $0 != 0x00 && $0 != 0xFF }) else { throw .personalisationIncomplete }
            issueDate = try ItemValues.date(.issueDate, issue)
        } else {
            issueDate = nil
        }
        expiryDate = try values.optional(.expiryDate).map { bytes throws(SocialSecurityCardError) in
            try ItemValues.date(.expiryDate, bytes)
        }
        let number = try values.text(.cardNumber)
        cardNumber = try ItemValues.decoding(.cardNumber) { () throws(CardDataError) in
            try CardNumber(reading: number)
        }
        if !cardNumber.followsCheckRule {
            warnings.append(
                "the card number does not end in the check character this terminal computes "
                    + "(an unverified rule); the card was read anyway")
        }
        if let expiryDate, expiryDate < today {
            warnings.append("the card expired on \(expiryDate); it was read anyway, and the resident may renew it")
        }
        warnings += values.spacePadded([.cardType, .specVersion, .cardNumber])
        self.warnings = warnings
    }

    /// The records of EF05 holding this identity, as a personalisation writes them.
    public func records(profile: CardProfile) throws(SocialSecurityCardError) -> [FileRecord] {
        let values: [(DataItem.Field, ItemValues.Value?)] = [
            (.cardIdentifier, .bytes(cardIdentifier.bytes)),
            (.cardType, cardType.map { .text($0) }),
            (.specVersion, .text(specVersion)),
            (.initialisingBody, initialisingBody.map { .digits($0) }),
            (.expiryDate, expiryDate.map { .digits($0.yyyymmdd) }),
            (.cardNumber, .text(cardNumber.value)),
            (.issueDate, issueDate.map { .digits($0.yyyymmdd) }),
        ]
        var records: [FileRecord] = []
        for case (let field, let value?) in values {
            if let record = try ItemValues.record(field, value, profile: profile) { records.append(record) }
        }
        return records
    }

    /// The diversification context of this card's keys.
    public func keyContext(algorithm: CardAlgorithm) throws(SocialSecurityCardError) -> CardKeyContext {
        try CardKeyContext(algorithm: algorithm, cardIdentifier: cardIdentifier)
    }
}
