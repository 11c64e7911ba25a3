/// What the event stream tells clients: card and session changes, printer news.
/// Never personal data: a page that needs the person asks the API with its token.
struct ServerEvent: Codable, Hashable, Sendable {
    /// "card-inserted", "card-removed", "pin-required", "session-started", "session-ended",
    /// "idle-warning", "pin-blocked", "reader-service-lost", "reader-service-restored".
    var type: String
    var reader: String?
    var triesLeft: Int?
    var secondsLeft: Int?
    var reason: String?

    init(type: String, reader: String? = nil, triesLeft: Int? = nil, secondsLeft: Int? = nil, reason: String? = nil) {
        self.type = type
        self.reader = reader
        self.triesLeft = triesLeft
        self.secondsLeft = secondsLeft
        self.reason = reason
    }
}
