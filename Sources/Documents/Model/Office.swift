/// The office (经办机构) that issues a document: its code goes into the verification payload, its
/// name onto the paper.
public struct Office: Hashable, Sendable, Codable {
    /// The office's code in the centre's register, for example a region code and a counter number.
    public var code: String
    public var name: String
    /// The name on English documents; the Chinese name is printed when absent.
    public var englishName: String?

    public init(code: String, name: String, englishName: String? = nil) {
        self.code = code
        self.name = name
        self.englishName = englishName
    }

    func name(_ language: DocumentLanguage) -> String {
        language == .english ? englishName ?? name : name
    }
}
