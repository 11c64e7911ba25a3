import KioskCore
import Printing
import SmartCard
import Testing

@testable import Diagnostics

@Suite("The heartbeat's devices as the diagnostics read them")
struct DeviceSurveyTests {
    @Test("paper out, a jam or an open cover wait for a person; a stopped queue is offline; a job printing is busy")
    func printerStates() {
        let empty = PrinterStatus(
            state: .idle, reasons: [StateReason("media-empty-report")],
            supplies: [
                Supply(name: "black toner", kind: "toner", level: 60),
                Supply(name: "ribbon", kind: "ribbonWax", level: nil),
            ])
        let device = DeviceSurvey.printer("rig-a4", empty, fix: "Load paper")
        #expect(device.state == .userError)
        #expect(device.mediaEmpty)
        #expect(device.stateReasons == ["media-empty"])
        #expect(device.markerNames == ["black toner", "ribbon"])
        #expect(device.markerLevels == [60, -1])
        #expect(device.fix == "Load paper")
        #expect(DeviceSurvey.printer("q", PrinterStatus(state: .processing), fix: nil).state == .busy)
        #expect(
            DeviceSurvey.printer(
                "q", PrinterStatus(state: .stopped, reasons: [StateReason("paused")]), fix: "cupsenable q"
            )
            .state == .offline)
        #expect(DeviceSurvey.printer("q", nil, fix: "Switch the printer on").state == .offline)
        #expect(
            DeviceSurvey.printer(
                "q", PrinterStatus(state: .idle, reasons: [StateReason("toner-empty-error")]), fix: nil
            )
            .state == .hardwareError)
        #expect(DeviceSurvey.printer("q", PrinterStatus(state: .idle), fix: nil).state == .online)
    }

    @Test("a reader pcscd does not list is offline with the check's fix; a card in it is present")
    func readerStates() {
        let missing = DeviceSurvey.reader("Virtual PCD 00 00", nil, fix: "Plug it in")
        #expect(
            missing == DeviceStatus(name: "Virtual PCD 00 00", kind: .cardReader, state: .offline, fix: "Plug it in"))
        let present = DeviceSurvey.reader(
            "Virtual PCD 00 00", ReaderStatus(reader: "Virtual PCD 00 00", state: .present, atr: [0x3B]), fix: nil)
        #expect(present.state == .online && present.cardPresent == true)
        let broken = DeviceSurvey.reader(
            "R", ReaderStatus(reader: "R", state: .unavailable, atr: []), fix: "Plug the reader in again")
        #expect(broken.state == .hardwareError && broken.fix == "Plug the reader in again")
        #expect(
            DeviceSurvey.reader("R", ReaderStatus(reader: "R", state: [.present, .inUse], atr: []), fix: nil).state
                == .busy)
    }
}
