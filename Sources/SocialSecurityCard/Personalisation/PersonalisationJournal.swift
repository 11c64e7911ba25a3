/// Where a desk remembers how far each card's personalisation got, so a card pulled mid-job is
/// finished (or redone) when it comes back, never issued half-written.
///
/// An entry holds no personal data: the card identifier, a digest of what is to be written and
/// the number of steps the card has acknowledged.
public protocol PersonalisationJournal: Sendable {
    func entry(for card: CardIdentifier) async throws(SocialSecurityCardError) -> PersonalisationJournalEntry?
    func record(_ entry: PersonalisationJournalEntry) async throws(SocialSecurityCardError)
    func remove(_ card: CardIdentifier) async throws(SocialSecurityCardError)
}

/// One card's progress.
public struct PersonalisationJournalEntry: Codable, Hashable, Sendable {
    /// The card identifier's bytes, in hex.
    public var card: String
    /// SHA-256 of the job's records: a resumed job must be the same job.
    public var digest: String
    /// Steps the card acknowledged, in the job's order.
    public var completedSteps: Int
    public var totalSteps: Int

    public init(card: String, digest: String, completedSteps: Int, totalSteps: Int) {
        self.card = card
        self.digest = digest
        self.completedSteps = completedSteps
        self.totalSteps = totalSteps
    }
}
