import SmartCard
import Testing

@Suite struct ReaderStatusTests {
    @Test func stateBitsArePcscLitesAndNamedInAFixedOrder() {
        // pcsclite.h: SCARD_STATE_EMPTY 0x10, PRESENT 0x20, EXCLUSIVE 0x80, INUSE 0x100, MUTE 0x200.
        #expect(ReaderStatus.State(rawValue: 0x0010) == .empty)
        #expect(ReaderStatus.State(rawValue: 0x0120) == [.present, .inUse])
        #expect(ReaderStatus.State(rawValue: 0x03A0).names == ["card present", "mute", "exclusive", "in use"])
        #expect(ReaderStatus.State(rawValue: 0x0008).names == ["unavailable"])
    }

    @Test func descriptionShowsTheATROnlyWhenThereIsOne() {
        let empty = ReaderStatus(reader: "R 00 00", state: .empty, atr: [])
        #expect(empty.description == "R 00 00: empty")
        let present = ReaderStatus(reader: "R 00 00", state: [.present, .inUse], atr: [0x3B, 0x00])
        #expect(present.description == "R 00 00: card present, in use, ATR 3B 00")
    }
}
