/// The items of one record file as a card gave them: the first value of each tag, and the tags it
/// gave more than once. Real cards carry items a profile does not name and records written twice;
/// the read goes on and says so.
///
/// A file holds a dozen items at most, so they are kept in the order read and found by a scan:
/// cheaper on every card read than hashing each tag into a dictionary.
package struct RecordItems: Sendable {
    private var items: [TLV] = []
    private var repeatedTags: [UInt8] = []

    package init() {}

    /// The value the card gave first for `tag`, nil when it gave none.
    package subscript(tag tag: UInt8) -> [UInt8]? {
        items.first { $0.tag == tag }?.value
    }

    /// Adds the TLV records of one READ RECORD answer (one record, or several back to back).
    package mutating func add(records bytes: [UInt8]) throws(SocialSecurityCardError) {
        let records: [TLV]
        do {
            records = try TLV.parse(record: bytes)
        } catch {
            throw .malformedRecord(error.message)
        }
        for record in records {
            if self[tag: record.tag] == nil {
                items.append(record)
            } else if !repeatedTags.contains(record.tag) {
                repeatedTags.append(record.tag)
            }
        }
    }

    /// The oddities of this file against what `file` says a card of `generation` holds, for staff.
    func warnings(file: FileProfile, generation: CardGeneration) -> [String] {
        let known = file.items(for: .v3)
        let unknownTags = items.map(\.tag).filter { tag in !known.contains { $0.tag == tag } }
        // Most cards have nothing to warn about: the file's name is written out only for one that does.
        guard !unknownTags.isEmpty || !repeatedTags.isEmpty else { return [] }
        let name = HexField.text(file.fid)
        let unknown = unknownTags.sorted().map {
            "\(name) holds an item with tag \(HexField.text($0)) that the card profile does not name; it was ignored"
        }
        let repeated = repeatedTags.sorted().map {
            "\(name) holds item \(HexField.text($0)) more than once; the first was used"
        }
        return unknown + repeated
    }
}
