import Vocabulary

/// The cardholder basic data of EF06 (持卡人基本信息): personal data. Its description is masked;
/// only screens for the cardholder and authorised staff show the fields.
public struct Cardholder: Hashable, Sendable, CustomStringConvertible {
    public var socialSecurityNumber: IDNumber
    /// Item 09 followed by item 4E.
    public var name: String
    public var sex: Sex
    /// GB 3304 ethnicity code, two digits ("01" 汉族); nil when the region's profile does not read it.
    public var ethnicity: String?
    /// GB/T 2260 region code of the birthplace, six digits; nil when the region's profile does not read it.
    public var birthplace: String?
    public var birthDate: CardDate
    /// What is odd about the record but does not stop it being read, for staff only.
    public var warnings: [String] = []

    public init(
        socialSecurityNumber: IDNumber, name: String, sex: Sex, ethnicity: String?, birthplace: String?,
        birthDate: CardDate
    ) {
        self.socialSecurityNumber = socialSecurityNumber
        self.name = name
        self.sex = sex
        self.ethnicity = ethnicity
        self.birthplace = birthplace
        self.birthDate = birthDate
    }

    public var description: String { "Cardholder(\(socialSecurityNumber.masked))" }

    /// Decodes EF06's items by tag, however they were read (package: the benchmarks' readers use it).
    package init(items: RecordItems, generation: CardGeneration, profile: CardProfile)
        throws(SocialSecurityCardError)
    {
        let values = ItemValues(items, file: profile.ssse.file(CardProfile.cardholderFile))
        let number = try values.text(.socialSecurityNumber)
        let today = CardDate.today()
        socialSecurityNumber = try ItemValues.decoding(.socialSecurityNumber) { () throws(CardDataError) in
            try IDNumber(number, today: today)
        }
        let nameItems = CardNameItems(
            name: Array(try values.required(.name)),
            nameExtension: generation >= .v2 ? try values.bytes(.nameExtension).map(Array.init) : nil
        )
        name = try ItemValues.decoding(.name) { () throws(CardDataError) in try nameItems.fullName() }
        var warnings = values.spacePadded([.socialSecurityNumber, .sex])
        // Sex and birth date are in the ID number too: cards (and profiles) that leave the items out
        // still read, and a card whose items disagree with its number says so.
        if let code = values.optional(.sex) {
            let text = try ItemValues.text(.sex, code)
            guard let sex = Sex(rawValue: text) else {
                throw .cardData("The card's sex code \"\(text)\" is not 1, 2 or 9.")
            }
            self.sex = sex
            if sex != .unstated && sex != socialSecurityNumber.sex {
                warnings.append("the card's sex item differs from the one its social security number gives")
            }
        } else {
            sex = socialSecurityNumber.sex
        }
        if let date = values.optional(.birthDate) {
            birthDate = try ItemValues.date(.birthDate, date)
            if birthDate != socialSecurityNumber.birthDate {
                warnings.append("the card's birth date item differs from the one its social security number gives")
            }
        } else {
            birthDate = socialSecurityNumber.birthDate
        }
        ethnicity = try values.optional(.ethnicity).map { bytes throws(SocialSecurityCardError) in
            try ItemValues.digits(.ethnicity, bytes)
        }
        birthplace = try values.optional(.birthplace).map { bytes throws(SocialSecurityCardError) in
            try ItemValues.digits(.birthplace, bytes)
        }
        self.warnings = warnings
    }

    /// The records of EF06 holding this cardholder on a card of `generation`.
    public func records(generation: CardGeneration, profile: CardProfile) throws(SocialSecurityCardError)
        -> [FileRecord]
    {
        let nameItems = try ItemValues.decoding(.name) { () throws(CardDataError) in
            try CardNameItems(fitting: name, hasExtension: generation >= .v2)
        }
        var values: [(DataItem.Field, ItemValues.Value)] = [
            (.socialSecurityNumber, .text(socialSecurityNumber.unmaskedValue)),
            (.name, .bytes(nameItems.name)),
        ]
        if let nameExtension = nameItems.nameExtension { values.append((.nameExtension, .bytes(nameExtension))) }
        values.append((.sex, .text(sex.rawValue)))
        if let ethnicity { values.append((.ethnicity, .digits(ethnicity))) }
        if let birthplace { values.append((.birthplace, .digits(birthplace))) }
        values.append((.birthDate, .digits(birthDate.yyyymmdd)))
        var records: [FileRecord] = []
        for (field, value) in values {
            if let record = try ItemValues.record(field, value, profile: profile) { records.append(record) }
        }
        return records
    }
}
