/// The person a document is about, as the centre records them.
public struct Person: Hashable, Sendable {
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
    public var maskedNumber: String {
        let characters = Array(socialSecurityNumber)
        guard characters.count > 8 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(4)) + String(repeating: "*", count: characters.count - 8)
            + String(characters.suffix(4))
    }

    /// The name an English document prints: the Latin name with the registered name after it.
    func displayName(_ language: DocumentLanguage) -> String {
        guard language == .english, let latinName, !latinName.isEmpty else { return name }
        return "\(latinName) (\(name))"
    }

    /// Sex as GB/T 2261.1 codes it.
    public enum Sex: String, Hashable, Sendable, Codable {
        case male = "1"
        case female = "2"
        case unstated = "9"

        func name(_ language: DocumentLanguage) -> String {
            switch (self, language) {
            case (.male, .chinese): "男"
            case (.female, .chinese): "女"
            case (.unstated, .chinese): "未说明"
            case (.male, .english): "Male"
            case (.female, .english): "Female"
            case (.unstated, .english): "Not stated"
            }
        }
    }
}
