/// What the event stream tells clients: card and session changes, printer news, desk progress.
/// Never personal data: a page that needs the person asks the API with its token.
struct ServerEvent: Codable, Hashable, Sendable {
    /// "card-inserted", "card-removed", "pin-required", "session-started", "session-ended",
    /// "idle-warning", "pin-blocked", "reader-service-lost", "reader-service-restored",
    /// "print-job" (a job's state changed), "personalise-progress".
    var type: String
    var reader: String?
    var triesLeft: Int?
    var secondsLeft: Int?
    var reason: String?
    /// The print job's key, for "print-job".
    var job: String?
    /// The print job's state ("queued", "printing", "waiting", "completed", "failed").
    var state: String?
    /// What to tell the person waiting, in Chinese and English (a printer's fault).
    var messageChinese: String?
    var message: String?
    /// Steps done and in all, for "personalise-progress".
    var done: Int?
    var total: Int?
    /// The card insertion a "pin-required" asks the PIN for (an opaque id, no card data): the page
    /// sends it back with the PIN, so a PIN typed for a card swapped out meanwhile is refused.
    var card: String?

    init(
        type: String, reader: String? = nil, triesLeft: Int? = nil, secondsLeft: Int? = nil, reason: String? = nil,
        job: String? = nil, state: String? = nil, messageChinese: String? = nil, message: String? = nil,
        done: Int? = nil, total: Int? = nil, card: String? = nil
    ) {
        self.type = type
        self.reader = reader
        self.triesLeft = triesLeft
        self.secondsLeft = secondsLeft
        self.reason = reason
        self.job = job
        self.state = state
        self.messageChinese = messageChinese
        self.message = message
        self.done = done
        self.total = total
        self.card = card
    }
}
