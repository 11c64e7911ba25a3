import Vocabulary

/// The person a document is about (holder, applicant), as the document prints them.
public struct DocumentHolder: Hashable, Sendable {
    /// The name as registered, in Chinese characters (or the script of the record).
    public var name: String
    /// The social security number: the citizen ID number (GB 11643), printed in full only where the
    /// document's purpose needs it, masked everywhere else.
    public var socialSecurityNumber: String
    public var sex: Sex?
    /// The name in Latin letters (Hanyu Pinyin), for English documents; absent on most records.
    public var latinName: String?

    public init(name: String, socialSecurityNumber: String, sex: Sex? = nil, latinName: String? = nil) {
        self.name = name
        self.socialSecurityNumber = socialSecurityNumber
        self.sex = sex
        self.latinName = latinName
    }

    /// The number with all but the first four and last four characters starred: `4301**********1234`.
    public var maskedNumber: String { MaskedIDNumber(socialSecurityNumber).text }

    /// The name an English document prints: the Latin name with the registered name after it.
    func displayName(_ language: DocumentLanguage) -> String {
        guard language == .english, let latinName, !latinName.isEmpty else { return name }
        return "\(latinName) (\(name))"
    }
}
