/// Checks a ledger from its first line: every hash recomputes under the ledger key, every line
/// links to the one before, sequence numbers have no gap, the chain still holds the head the centre
/// anchored, and the last line is the head the store recorded beside the ledger (so lines cut off
/// the end show too). Reports the first problem, in words the `ledger verify` command prints.
///
/// Entries before a ``LedgerEntry/sealAction`` entry are the plain SHA-256 chain of a store from
/// before the key; a ledger with such entries and no seal after them is not vouched for.
public enum LedgerVerifier {
    public enum Finding: Hashable, Sendable, CustomStringConvertible {
        case intact(entries: Int)
        /// The entry's fields no longer match its hash.
        case altered(sequence: Int64)
        /// Entries are missing before this one (a gap in the numbers, or a broken link).
        case missing(before: Int64)
        /// Entries after this one are missing: the ledger ends before its recorded head.
        case truncated(after: Int64)
        /// The key given is not the one the ledger is sealed with.
        case wrongKey
        /// The ledger holds only plain SHA-256 entries that no entry seals with the key.
        case unsealed(entries: Int)
        /// The ledger is empty, but the centre anchored it at this entry.
        case emptied(anchor: Int64)
        /// The ledger ends at `last`, before the entry the centre anchored.
        case truncatedBelowAnchor(last: Int64, anchor: Int64)
        /// The entry at the centre's anchor is not the one the centre was sent.
        case rewrittenAtAnchor(sequence: Int64)

        public var description: String {
            switch self {
            case .intact(let count): "ledger intact: \(count) entries"
            case .altered(let sequence): "entry \(sequence) was altered"
            case .missing(let sequence): "entries are missing before entry \(sequence)"
            case .truncated(let sequence): "entries are missing after entry \(sequence)"
            case .wrongKey:
                "wrong key: the ledger key given is not the one this ledger is sealed with; "
                    + "give the key file this terminal was installed with"
            case .unsealed(let count):
                "ledger not sealed: its \(count) entries are chained with plain SHA-256 and none seals them "
                    + "with the ledger key; start the terminal service once with its key, or the ledger was replaced"
            case .emptied(let anchor):
                "ledger emptied: it holds no entry, but the centre anchored it at entry \(anchor)"
            case .truncatedBelowAnchor(let last, let anchor):
                "ledger truncated below the centre's anchor: it ends at entry \(last), but the centre anchored "
                    + "entry \(anchor); entries were cut off the end"
            case .rewrittenAtAnchor(let sequence):
                "rewritten entry: entry \(sequence) is not the one the centre anchored; "
                    + "the ledger was rewritten up to there"
            }
        }
    }

    /// `head` is the last entry as recorded with the ledger (nil: not checked); `keyCheck` the
    /// check value of the key the store sealed with (nil: unknown); `anchor` what the centre holds
    /// (nil: not checked).
    public static func verify(
        _ entries: some Sequence<LedgerEntry>, head: LedgerHead?, key: LedgerKey, keyCheck: String?,
        anchor: LedgerAnchor? = nil
    ) -> Finding {
        if let keyCheck, keyCheck != key.check { return .wrongKey }
        var previous: LedgerEntry?
        var count = 0
        // Nil until the first entry says which chain the ledger starts with.
        var sealed: Bool?
        var atAnchor: String?
        for entry in entries {
            let expectedSequence = (previous?.sequence ?? 0) + 1
            if entry.sequence != expectedSequence { return .missing(before: entry.sequence) }
            let expected: String
            if sealed == true || entry.action == LedgerEntry.sealAction {
                expected = entry.expectedHash(sealedWith: key)
                sealed = true
            } else if sealed == false {
                expected = entry.legacyHash
            } else {
                let keyed = entry.expectedHash(sealedWith: key)
                sealed = entry.hash == keyed || entry.hash != entry.legacyHash
                expected = sealed == true ? keyed : entry.legacyHash
            }
            if entry.previousHash != (previous?.hash ?? LedgerEntry.genesisHash) {
                return entry.hash == expected ? .missing(before: entry.sequence) : .altered(sequence: entry.sequence)
            }
            if entry.hash != expected { return .altered(sequence: entry.sequence) }
            if entry.sequence == anchor?.head?.sequence { atAnchor = entry.hash }
            previous = entry
            count += 1
        }
        if sealed == false { return .unsealed(entries: count) }
        let last = previous?.head ?? .empty
        if let anchored = anchor?.head {
            if count == 0 { return .emptied(anchor: anchored.sequence) }
            if last.sequence < anchored.sequence {
                return .truncatedBelowAnchor(last: last.sequence, anchor: anchored.sequence)
            }
            if atAnchor != anchored.hash { return .rewrittenAtAnchor(sequence: anchored.sequence) }
        }
        if let head, last != head {
            return last.sequence < head.sequence ? .truncated(after: last.sequence) : .altered(sequence: last.sequence)
        }
        return .intact(entries: count)
    }
}
