import HexCoding

/// The last entry of a ledger: its sequence number and chain value (its hash). A store keeps its
/// own beside the ledger, and the terminal sends it to the centre with every push, where it is
/// anchored outside the terminal's reach.
public struct LedgerHead: Codable, Hashable, Sendable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// The head of an empty ledger.
    public static let empty = LedgerHead(sequence: 0, hash: LedgerEntry.genesisHash)

    /// A sequence from 1 and a chain value of 64 hex digits: anything else is no head a ledger makes.
    public var isWellFormed: Bool {
        sequence > 0 && hash.utf8.count == 64 && [UInt8](hex: hash)?.count == 32
    }

    public var description: String { "entry \(sequence)" }
}
