/// Checks a ledger from its first line: every hash recomputes, every line links to the one before,
/// sequence numbers have no gap, and the last line is the head the store recorded beside the
/// ledger (so lines cut off the end show too). Reports the first problem, so the `ledger verify`
/// command can say where to look.
public enum LedgerVerifier {
    public enum Finding: Hashable, Sendable, CustomStringConvertible {
        case intact(entries: Int)
        /// The entry's fields no longer match its hash.
        case altered(sequence: Int64)
        /// Entries are missing before this one (a gap in the numbers, or a broken link).
        case missing(before: Int64)
        /// Entries after this one are missing: the ledger ends before its recorded head.
        case truncated(after: Int64)

        public var description: String {
            switch self {
            case .intact(let count): "ledger intact: \(count) entries"
            case .altered(let sequence): "entry \(sequence) was altered"
            case .missing(let sequence): "entries are missing before entry \(sequence)"
            case .truncated(let sequence): "entries are missing after entry \(sequence)"
            }
        }
    }

    /// `head` is the last entry's sequence and hash as recorded with the ledger (nil: not checked).
    public static func verify(_ entries: some Sequence<LedgerEntry>, head: (sequence: Int64, hash: String)?) -> Finding
    {
        var previous: LedgerEntry?
        var count = 0
        for entry in entries {
            let expectedSequence = (previous?.sequence ?? 0) + 1
            if entry.sequence != expectedSequence { return .missing(before: entry.sequence) }
            if entry.previousHash != (previous?.hash ?? LedgerEntry.genesisHash) {
                return entry.hash == entry.expectedHash
                    ? .missing(before: entry.sequence) : .altered(sequence: entry.sequence)
            }
            if entry.hash != entry.expectedHash { return .altered(sequence: entry.sequence) }
            previous = entry
            count += 1
        }
        let last = (sequence: previous?.sequence ?? 0, hash: previous?.hash ?? LedgerEntry.genesisHash)
        if let head, last.sequence != head.sequence || last.hash != head.hash {
            return last.sequence < head.sequence ? .truncated(after: last.sequence) : .altered(sequence: last.sequence)
        }
        return .intact(entries: count)
    }
}
