/// What stops a guide or a notice being published, in plain words in both languages: the command
/// line prints the English, the county's console shows its member's language.
public struct PublicationProblem: Hashable, Sendable {
    public var english: String
    public var chinese: String

    public init(_ english: String, chinese: String) {
        self.english = english
        self.chinese = chinese
    }
}
