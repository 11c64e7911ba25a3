/// The monitor's memory of readers and cards, as a pure state machine: observations in,
/// events out. Kept apart from the PC/SC driver so every transition is tested without a daemon.
struct ReaderTracker: Sendable {
    private struct Slot: Equatable, Sendable {
        /// The ATR of the card present, nil when the reader is empty.
        var atr: [UInt8]?
        /// PC/SC's per-reader event counter (high 16 bits of the event state).
        var eventCount: Int
    }

    private var slots: [String: Slot] = [:]

    var readers: [String] { slots.keys.sorted() }

    /// A new list of readers: added ones are announced, removed ones lose their card first.
    mutating func observe(readers: [String]) -> [ReaderEvent] {
        var events: [ReaderEvent] = []
        for gone in slots.keys.sorted() where !readers.contains(gone) {
            events += remove(reader: gone)
        }
        for reader in readers where slots[reader] == nil {
            slots[reader] = Slot(atr: nil, eventCount: -1)
            events.append(.readerAdded(reader))
        }
        return events
    }

    /// The state of one reader. A changed event counter with a card present both times means the
    /// card was swapped between two looks, which is reported as a removal and an insertion.
    mutating func observe(reader: String, present: Bool, atr: [UInt8], eventCount: Int) -> [ReaderEvent] {
        guard let old = slots[reader] else { return [] }
        slots[reader] = Slot(atr: present ? atr : nil, eventCount: eventCount)
        switch (old.atr, present) {
        case (nil, true):
            return [.cardInserted(reader: reader, atr: atr)]
        case (.some, false):
            return [.cardRemoved(reader: reader)]
        case (.some(let oldATR), true) where oldATR != atr || (old.eventCount >= 0 && old.eventCount != eventCount):
            return [.cardRemoved(reader: reader), .cardInserted(reader: reader, atr: atr)]
        default:
            return []
        }
    }

    /// The daemon is gone: everything known is reported removed and forgotten.
    mutating func serviceLost() -> [ReaderEvent] {
        var events: [ReaderEvent] = []
        for reader in slots.keys.sorted() {
            events += remove(reader: reader)
        }
        return events + [.serviceLost]
    }

    private mutating func remove(reader: String) -> [ReaderEvent] {
        guard let slot = slots.removeValue(forKey: reader) else { return [] }
        return (slot.atr == nil ? [] : [.cardRemoved(reader: reader)]) + [.readerRemoved(reader)]
    }
}
