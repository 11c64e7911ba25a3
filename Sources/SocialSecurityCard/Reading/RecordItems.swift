/// The items of one record file as a card gave them: the first value of each tag, and the tags it
/// gave more than once. Real cards carry items a profile does not name and records written twice;
/// the read goes on and says so.
///
/// A file holds a dozen items at most, so they are kept in the order read and found by a scan:
/// cheaper on every card read than hashing each tag into a dictionary. Each value is a slice of the
/// card's answer, which the items share, rather than a copy of its own.
package struct RecordItems: Sendable {
    private var items: [(tag: UInt8, value: ArraySlice<UInt8>)] = []
    private var repeatedTags: [UInt8] = []

    package init() {}

    /// The value the card gave first for `tag`, nil when it gave none.
    package subscript(tag tag: UInt8) -> ArraySlice<UInt8>? {
        items.first { $0.tag == tag }?.value
    }

    /// Adds the TLV records of one READ RECORD answer (one record, or several back to back).
    package mutating func add(records bytes: [UInt8]) throws(SocialSecurityCardError) {
        let records: [(tag: UInt8, value: Range<Int>)]
        do {
            records = try TLV.values(in: bytes)
        } catch {
            throw .malformedRecord(error.message)
        }
        for record in records {
            if self[tag: record.tag] == nil {
                items.append((record.tag, bytes[record.value]))
            } else if !repeatedTags.contains(record.tag) {
                repeatedTags.append(record.tag)
            }
        }
    }

    /// The oddities of this file against the items `file` names (on a card of any generation), for staff.
    func warnings(file: FileProfile) -> [String] {
        let known = file.dataItems
        func isKnown(_ tag: UInt8) -> Bool { known.contains { $0.tag == tag } }
        // Most cards have nothing to warn about: nothing is built or named for one that does not.
        guard !repeatedTags.isEmpty || !items.allSatisfy({ isKnown($0.tag) }) else { return [] }
        let name = HexField.text(file.fid)
        let unknown = items.map(\.tag).filter { !isKnown($0) }.sorted().map {
            "\(name) holds an item with tag \(HexField.text($0)) that the card profile does not name; it was ignored"
        }
        let repeated = repeatedTags.sorted().map {
            "\(name) holds item \(HexField.text($0)) more than once; the first was used"
        }
        return unknown + repeated
    }
}
