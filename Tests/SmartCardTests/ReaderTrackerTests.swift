import Testing

@testable import SmartCard

@Suite struct ReaderTrackerTests {
    private let slot0 = "Virtual PCD 00 00"
    private let slot1 = "Virtual PCD 00 01"
    private let atrA: [UInt8] = [0x3B, 0x6D, 0x00, 0x00, 0x00]
    private let atrB: [UInt8] = [0x3B, 0x8A, 0x80, 0x01]

    // MARK: Readers

    @Test func readersAreAnnouncedOnce() {
        var tracker = ReaderTracker()
        #expect(tracker.observe(readers: [slot1, slot0]) == [.readerAdded(slot1), .readerAdded(slot0)])
        #expect(tracker.readers == [slot0, slot1])
        #expect(tracker.observe(readers: [slot0, slot1]).isEmpty)
    }

    @Test func emptyReaderIsRemovedWithoutACardEvent() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0, slot1])
        #expect(tracker.observe(readers: [slot1]) == [.readerRemoved(slot0)])
        #expect(tracker.readers == [slot1])
    }

    @Test func readerWithCardLosesTheCardFirst() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        _ = tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 1)
        #expect(tracker.observe(readers: []) == [.cardRemoved(reader: slot0), .readerRemoved(slot0)])
        #expect(tracker.readers.isEmpty)
    }

    @Test func removedReadersAreReportedInNameOrderBeforeNewOnes() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: ["C", "A", "B"])
        #expect(
            tracker.observe(readers: ["D"]) == [
                .readerRemoved("A"), .readerRemoved("B"), .readerRemoved("C"), .readerAdded("D"),
            ])
    }

    @Test func replugStartsAfresh() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        _ = tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 3)
        _ = tracker.observe(readers: [])
        #expect(tracker.observe(readers: [slot0]) == [.readerAdded(slot0)])
        // The card is new to the tracker, even with the same ATR and counter.
        #expect(
            tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 3) == [
                .cardInserted(reader: slot0, atr: atrA)
            ])
    }

    // MARK: Cards

    @Test func cardInsertedAndRemoved() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0, slot1])
        #expect(tracker.observe(reader: slot0, present: false, atr: [], eventCount: 0).isEmpty)
        #expect(
            tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 1) == [
                .cardInserted(reader: slot0, atr: atrA)
            ])
        #expect(tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 1).isEmpty)
        #expect(
            tracker.observe(reader: slot0, present: false, atr: [], eventCount: 2) == [
                .cardRemoved(reader: slot0)
            ])
        #expect(tracker.observe(reader: slot0, present: false, atr: [], eventCount: 2).isEmpty)
    }

    @Test func cardAlreadyPresentWhenFirstSeenIsInsertedOnly() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        // pcscd's counter has been running before the monitor started.
        #expect(
            tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 7) == [
                .cardInserted(reader: slot0, atr: atrA)
            ])
    }

    @Test func muteCardIsInsertedWithEmptyATR() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        #expect(
            tracker.observe(reader: slot0, present: true, atr: [], eventCount: 1) == [
                .cardInserted(reader: slot0, atr: [])
            ])
        #expect(tracker.observe(reader: slot0, present: true, atr: [], eventCount: 1).isEmpty)
    }

    @Test func readersAreIndependent() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0, slot1])
        _ = tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 1)
        #expect(
            tracker.observe(reader: slot1, present: true, atr: atrB, eventCount: 1) == [
                .cardInserted(reader: slot1, atr: atrB)
            ])
        #expect(
            tracker.observe(reader: slot0, present: false, atr: [], eventCount: 2) == [
                .cardRemoved(reader: slot0)
            ])
        #expect(tracker.observe(readers: [slot0]) == [.cardRemoved(reader: slot1), .readerRemoved(slot1)])
    }

    @Test func unknownReaderIsIgnored() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        #expect(tracker.observe(reader: slot1, present: true, atr: atrA, eventCount: 1).isEmpty)
        #expect(tracker.readers == [slot0])
        // Nor is it remembered: once added, its card is announced.
        _ = tracker.observe(readers: [slot0, slot1])
        #expect(
            tracker.observe(reader: slot1, present: true, atr: atrA, eventCount: 1) == [
                .cardInserted(reader: slot1, atr: atrA)
            ])
    }

    // MARK: Swaps between two looks

    @Test func changedCounterWithTheSameATRIsASwap() {
        // The same kind of card (same ATR) taken out and another put in while we were not looking.
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        _ = tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 1)
        #expect(
            tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 3) == [
                .cardRemoved(reader: slot0), .cardInserted(reader: slot0, atr: atrA),
            ])
        #expect(tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 3).isEmpty)
    }

    @Test func changedATRIsASwap() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        _ = tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 1)
        #expect(
            tracker.observe(reader: slot0, present: true, atr: atrB, eventCount: 1) == [
                .cardRemoved(reader: slot0), .cardInserted(reader: slot0, atr: atrB),
            ])
    }

    @Test func changedCounterWithNoCardEitherTimeSaysNothing() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        _ = tracker.observe(reader: slot0, present: false, atr: [], eventCount: 1)
        #expect(tracker.observe(reader: slot0, present: false, atr: [], eventCount: 3).isEmpty)
    }

    // MARK: The daemon going away

    @Test func serviceLostRemovesEverythingThenReports() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot1, slot0])
        _ = tracker.observe(reader: slot1, present: true, atr: atrB, eventCount: 1)
        #expect(
            tracker.serviceLost() == [
                .readerRemoved(slot0), .cardRemoved(reader: slot1), .readerRemoved(slot1), .serviceLost,
            ])
        #expect(tracker.readers.isEmpty)
        // Lost again before anything came back: only the loss itself.
        #expect(tracker.serviceLost() == [.serviceLost])
    }

    @Test func afterServiceLostEverythingIsNewAgain() {
        var tracker = ReaderTracker()
        _ = tracker.observe(readers: [slot0])
        _ = tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 1)
        _ = tracker.serviceLost()
        // A restarted pcscd counts from scratch; the card still in the reader is announced again.
        #expect(tracker.observe(readers: [slot0]) == [.readerAdded(slot0)])
        #expect(
            tracker.observe(reader: slot0, present: true, atr: atrA, eventCount: 0) == [
                .cardInserted(reader: slot0, atr: atrA)
            ])
    }

    @Test func serviceLostWithNothingKnown() {
        var tracker = ReaderTracker()
        #expect(tracker.serviceLost() == [.serviceLost])
    }
}
