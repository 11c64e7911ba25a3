/// An elementary file: where it is, how it is structured, what guards it.
public struct FileProfile: Codable, Hashable, Sendable {
    public var fid: UInt16
    /// Short file identifier, used in READ RECORD's P2 so no SELECT of the EF is needed.
    public var sfi: UInt8
    public var structure: Structure
    /// Read access per generation: the first entry whose generation is at most the card's applies.
    public var read: [GenerationAccess]
    public var write: AccessCondition

    public init(fid: UInt16, sfi: UInt8, structure: Structure, read: [GenerationAccess], write: AccessCondition) {
        self.fid = fid
        self.sfi = sfi
        self.structure = structure
        self.read = read
        self.write = write
    }

    public enum Structure: Codable, Hashable, Sendable {
        /// TLV records, one data item each.
        case records([DataItem])
        /// A transparent file of fixed size (photo, fingerprint).
        case transparent(size: Int)
        /// A cyclic record file of the given record count and length (medical insurance log).
        case cyclic(records: Int, length: Int)
    }

    /// An access condition that holds from a generation on.
    public struct GenerationAccess: Codable, Hashable, Sendable {
        public var since: CardGeneration
        public var condition: AccessCondition

        public init(since: CardGeneration, condition: AccessCondition) {
            self.since = since
            self.condition = condition
        }
    }

    /// The read condition on a card of `generation`.
    public func readCondition(for generation: CardGeneration) -> AccessCondition {
        read.filter { $0.since <= generation }.max { $0.since < $1.since }?.condition ?? .never
    }

    /// The data items this file holds on a card of `generation`, in record order.
    public func items(for generation: CardGeneration) -> [DataItem] {
        guard case .records(let items) = structure else { return [] }
        return items.filter { $0.since <= generation }
    }
}
