import Foundation
import HexCoding
import SmartCard

/// A ``PersonalisationJournal`` in a directory, one small JSON file per card, each replaced
/// atomically (``AtomicFile``) so a crash leaves the old or the new entry, never a torn one.
public struct FileJournal: PersonalisationJournal {
    public let directory: URL

    public init(directory: URL) throws(SocialSecurityCardError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .journalFailed("cannot create \(directory.path)")
        }
    }

    private func file(for card: String) -> URL { directory.appendingPathComponent("\(card).json") }

    public func entry(for card: CardIdentifier) async throws(SocialSecurityCardError) -> PersonalisationJournalEntry? {
        let url = file(for: Self.name(card))
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(PersonalisationJournalEntry.self, from: Data(contentsOf: url))
        } catch {
            throw .journalFailed("the entry \(url.lastPathComponent) cannot be read")
        }
    }

    public func record(_ entry: PersonalisationJournalEntry) async throws(SocialSecurityCardError) {
        let url = file(for: entry.card)
        do {
            try AtomicFile.write(try JSONEncoder().encode(entry), to: url)
        } catch {
            throw .journalFailed("cannot write \(url.path)")
        }
    }

    public func remove(_ card: CardIdentifier) async throws(SocialSecurityCardError) {
        let url = file(for: Self.name(card))
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw .journalFailed("cannot remove \(url.path)")
        }
    }

    static func name(_ card: CardIdentifier) -> String { card.bytes.compactHexString }
}
