import HexCoding
import SocialSecurityCard

/// A personalisation journal in memory, for tests that need no disk.
package actor MemoryJournal: PersonalisationJournal {
    private var entries: [String: PersonalisationJournalEntry] = [:]

    package init() {}

    /// The entry's key, as ``FileJournal`` names a card.
    private static func key(_ card: CardIdentifier) -> String { card.bytes.compactHexString }

    package func entry(for card: CardIdentifier) -> PersonalisationJournalEntry? { entries[Self.key(card)] }
    package func record(_ entry: PersonalisationJournalEntry) { entries[entry.card] = entry }
    package func remove(_ card: CardIdentifier) { entries[Self.key(card)] = nil }
}
