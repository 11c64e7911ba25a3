/// Which terminal this is and the area it serves; its cache holds that area only.
public struct TerminalIdentity: Codable, Hashable, Sendable {
    public var terminalID: String
    /// The region code prefix whose people the cache holds (a township's 9 digits, usually).
    public var jurisdiction: Jurisdiction
    public var name: String

    public init(terminalID: String, jurisdiction: Jurisdiction, name: String) {
        self.terminalID = terminalID
        self.jurisdiction = jurisdiction
        self.name = name
    }
}
