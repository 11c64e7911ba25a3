import Testing

@testable import Printing

@Suite struct StateReasonTests {
    @Test(arguments: [
        ("media-empty-warning", "media-empty", StateReason.Severity.warning),
        ("media-empty-report", "media-empty", .report),
        ("media-jam-error", "media-jam", .error),
        ("toner-low-report", "toner-low", .report),
    ])
    func splitsTheSeveritySuffix(_ value: String, keyword: String, severity: StateReason.Severity) {
        let reason = StateReason(value)
        #expect(reason.keyword == keyword)
        #expect(reason.severity == severity)
    }

    @Test func keepsAKeywordWithoutSuffixWhole() {
        for value in ["cups-waiting-for-job-completed", "paused", "offline", "error"] {
            #expect(StateReason(value).keyword == value)
            #expect(StateReason(value).severity == nil)
        }
    }
}

@Suite struct PrinterFaultTests {
    private func status(
        _ reasons: [String], _ state: PrinterStatus.State = .processing, message: String = "", accepting: Bool = true
    ) -> PrinterStatus {
        PrinterStatus(
            state: state, reasons: reasons.map(StateReason.init), message: message, isAcceptingJobs: accepting)
    }

    @Test func mapsCUPSAndPrinterKeywordsToFaults() {
        #expect(
            status(["cups-waiting-for-job-completed", "media-empty-warning", "media-needed-warning"]).fault
                == .mediaEmpty)
        #expect(status(["media-empty-report"], .idle).fault == .mediaEmpty)
        #expect(status(["media-jam-warning"]).fault == .mediaJam)
        #expect(status(["cover-open-error"]).fault == .coverOpen)
        #expect(status(["toner-empty-error"]).fault == .suppliesEmpty)
        #expect(status(["offline-report"]).fault == .offline)
        #expect(status(["connecting-to-device"]).fault == .offline)
        #expect(status(["paused"], .stopped).fault == .paused)
        #expect(status([], .idle, accepting: false).fault == .paused)
        #expect(status(["fuser-over-temp-error"]).fault == .other("fuser-over-temp"))
    }

    @Test func warningsThatStillPrintAreNoFault() {
        #expect(status([], .idle).fault == nil)
        #expect(status(["toner-low-report", "media-low-warning", "cups-waiting-for-job-completed"]).fault == nil)
    }

    @Test func theMostPressingFaultWins() {
        #expect(status(["media-empty-warning", "media-jam-warning"]).fault == .mediaJam)
        #expect(status(["media-jam-error", "offline-report"]).fault == .offline)
    }

    /// CUPS' ipp backend reports an unreachable printer only in words, English or Chinese by the
    /// server's locale; the words count only while a job is being sent.
    @Test func cupsIppBackendsWordsMeanOfflineWhileProcessing() {
        let english = "The printer may not exist or is unavailable at this time."
        #expect(status([], .processing, message: english).fault == .offline)
        #expect(status([], .processing, message: "打印机暂时不存在或不可用。").fault == .offline)
        #expect(status([], .processing, message: "The printer is not responding.").fault == .offline)
        #expect(status([], .idle, message: english).fault == nil)
    }

    @Test func tellsTheResidentInChineseAndEnglish() {
        let empty = status(["media-empty-warning"]).residentMessage
        #expect(empty.zh == "打印机缺纸。您的文件已保存，请联系工作人员或稍后再试。")
        #expect(empty.en.contains("out of paper"))
        #expect(status(["media-jam-warning"]).residentMessage.zh.contains("卡纸"))
        #expect(status(["offline-report"]).residentMessage.en.contains("switched off or not connected"))
        #expect(status([], .processing).residentMessage.zh == "正在打印，请稍候。")
        #expect(status([], .idle).residentMessage.en == "The printer is ready.")
    }

    @Test func everyFaultHasItsOwnMessageAndEachKeepsTheDocumentSaved() {
        let faults: [PrinterFault] = [
            .mediaEmpty, .mediaJam, .coverOpen, .suppliesEmpty, .offline, .paused, .other("x"),
        ]
        let messages = faults.map(\.residentMessage)
        #expect(Set(messages.map(\.zh)).count == faults.count)
        #expect(Set(messages.map(\.en)).count == faults.count)
        for message in messages {
            #expect(message.zh.contains("您的文件已保存"))
            #expect(message.en.contains("Your document is saved"))
        }
    }
}

@Suite struct PrinterStatusTests {
    @Test func readsAPrinterAttributeGroup() throws {
        let attributes = IPPAttributeSet([
            "printer-state": [.integer(4)],
            "printer-state-reasons": [.string("media-empty-warning"), .string("media-needed-warning")],
            "printer-state-message": [.string("Printing.")],
            "printer-is-accepting-jobs": [.boolean(true)],
            "queued-job-count": [.integer(3)],
            "printer-supply": [
                .string(
                    "index=1;class=supplyThatIsConsumed;type=toner;unit=percent;maxcapacity=100;level=80;colorantname=black;"
                )
            ],
            "printer-supply-description": [.string("Black Toner")],
        ])
        let status = try #require(PrinterStatus(attributes: attributes))
        #expect(status.state == .processing)
        #expect(status.reasons.map(\.keyword) == ["media-empty", "media-needed"])
        #expect(status.queuedJobCount == 3)
        #expect(status.supplies == [Supply(name: "Black Toner", kind: "toner", level: 80)])
        #expect(status.fault == .mediaEmpty)

        let summary = status.technicianSummary
        #expect(summary.contains("fault: media empty"))
        #expect(summary.contains("media-empty (warning)"))
        #expect(summary.contains("3 job(s) queued"))
        #expect(summary.contains("Black Toner (toner) 80%"))
        #expect(summary.contains("\"Printing.\""))
    }

    @Test func noneIsNotAReasonAndAMissingStateIsNoStatus() throws {
        let idle = try #require(
            PrinterStatus(
                attributes: IPPAttributeSet([
                    "printer-state": [.integer(3)], "printer-state-reasons": [.string("none")],
                ])))
        #expect(idle.reasons.isEmpty)
        #expect(idle.isAcceptingJobs)
        #expect(PrinterStatus(attributes: IPPAttributeSet(["printer-state": [.integer(42)]])) == nil)
        #expect(PrinterStatus(attributes: IPPAttributeSet()) == nil)
    }
}

@Suite struct SupplyTests {
    @Test func scalesACapacityOtherThanAHundredToPercent() {
        let supply = Supply.fromPrinterSupply(
            "index=1;class=supplyThatIsConsumed;type=ribbonWax;unit=impressions;maxcapacity=250;level=125;colorantname=multi-color;",
            description: nil)
        #expect(supply == Supply(name: "multi-color ribbonWax", kind: "ribbonWax", level: 50))
    }

    @Test func anUnknownLevelIsNil() {
        // PWG 5100.13: -2 unknown, -3 "some remaining".
        for level in ["-2", "-3", "x"] {
            let supply = Supply.fromPrinterSupply("type=toner;maxcapacity=100;level=\(level);", description: "Toner")
            #expect(supply.level == nil)
        }
    }

    @Test func readsCupsMarkerAttributesWhenThereIsNoPrinterSupply() {
        let attributes = IPPAttributeSet([
            "marker-names": [.string("Black"), .string("Waste")],
            "marker-levels": [.integer(42), .integer(-1)],
            "marker-types": [.string("toner"), .string("waste-toner")],
        ])
        #expect(
            Supply.supplies(in: attributes) == [
                Supply(name: "Black", kind: "toner", level: 42), Supply(name: "Waste", kind: "waste-toner", level: nil),
            ])
    }
}
