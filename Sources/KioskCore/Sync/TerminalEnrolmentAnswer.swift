/// The centre's answer to an enrolment: who the code made this terminal, its client certificate
/// from the centre's CA, and its bearer token (sent this once, over TLS; the centre keeps its hash).
public struct TerminalEnrolmentAnswer: Codable, Hashable, Sendable {
    public var terminalID: String
    /// The region-code prefix it serves.
    public var jurisdiction: String
    /// The client certificate (PEM), for the key of the request; names the terminal.
    public var certificate: String
    /// The CA that signed it (PEM).
    public var authority: String
    public var token: String

    public init(terminalID: String, jurisdiction: String, certificate: String, authority: String, token: String) {
        self.terminalID = terminalID
        self.jurisdiction = jurisdiction
        self.certificate = certificate
        self.authority = authority
        self.token = token
    }
}
