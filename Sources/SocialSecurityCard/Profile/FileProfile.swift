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

    public enum Structure: Hashable, Sendable {
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

    /// The data items this file names for a card of any generation, in record order; none for a
    /// file that is not a record file.
    public var dataItems: [DataItem] {
        guard case .records(let items) = structure else { return [] }
        return items
    }

    /// The data items this file holds on a card of `generation`, in record order.
    public func items(for generation: CardGeneration) -> [DataItem] {
        dataItems.filter { $0.since <= generation }
    }
}

extension FileProfile {
    private enum CodingKeys: String, CodingKey { case fid, sfi, records, transparentSize, cyclic, read, write }
    private enum CyclicKeys: String, CodingKey { case records, length }

    /// In a profile file the FID is hex, the SFI a number, and the structure one of `records` (the
    /// items), `transparentSize` (bytes) or `cyclic` (`records` and `length`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fid = try HexField.decodeUInt16(.fid, in: container)
        sfi = try container.decode(UInt8.self, forKey: .sfi)
        if let items = try container.decodeIfPresent([DataItem].self, forKey: .records) {
            structure = .records(items)
        } else if let size = try container.decodeIfPresent(Int.self, forKey: .transparentSize) {
            structure = .transparent(size: size)
        } else if container.contains(.cyclic) {
            let cyclic = try container.nestedContainer(keyedBy: CyclicKeys.self, forKey: .cyclic)
            structure = .cyclic(
                records: try cyclic.decode(Int.self, forKey: .records),
                length: try cyclic.decode(Int.self, forKey: .length))
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .records, in: container,
                debugDescription: "file \(HexField.text(fid)) names no structure (records, transparentSize or cyclic)")
        }
        read = try container.decode([GenerationAccess].self, forKey: .read)
        write = try container.decode(AccessCondition.self, forKey: .write)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(HexField.text(fid), forKey: .fid)
        try container.encode(sfi, forKey: .sfi)
        switch structure {
        case .records(let items): try container.encode(items, forKey: .records)
        case .transparent(let size): try container.encode(size, forKey: .transparentSize)
        case .cyclic(let records, let length):
            var cyclic = container.nestedContainer(keyedBy: CyclicKeys.self, forKey: .cyclic)
            try cyclic.encode(records, forKey: .records)
            try cyclic.encode(length, forKey: .length)
        }
        try container.encode(read, forKey: .read)
        try container.encode(write, forKey: .write)
    }
}
