import Testing

@testable import Printing

@Suite struct PrintJobTests {
    private let target = PrintTarget.queue("rig-a4")

    @Test func readsAJobAttributeGroup() throws {
        let job = try #require(
            PrintJob(
                target: target,
                attributes: IPPAttributeSet([
                    "job-id": [.integer(17)], "job-name": [.string("t1-0001")], "job-state": [.integer(5)],
                    "job-state-reasons": [.string("job-printing")], "job-state-message": [.string("Printing.")],
                ])))
        #expect(
            job
                == PrintJob(
                    target: target, id: 17, name: "t1-0001", state: .processing, reasons: ["job-printing"],
                    message: "Printing."))
        #expect(!job.state.isFinished)
        #expect(PrintJob(target: target, attributes: IPPAttributeSet(["job-state": [.integer(9)]])) == nil)
        #expect(
            PrintJob(
                target: target, attributes: IPPAttributeSet(["job-id": [.integer(1)], "job-state": [.integer(2)]]))
                == nil)
    }

    @Test func onlyCompletedAbortedAndCanceledAreFinished() {
        let finished = [PrintJob.State.pending, .held, .processing, .stopped, .canceled, .aborted, .completed]
            .filter(\.isFinished)
        #expect(finished == [.canceled, .aborted, .completed])
    }

    /// A submitter that died between creating the job and sending its document leaves a held job
    /// that waits for data: cupsd says job-incoming, ippeveprinter job-data-insufficient.
    @Test func aHeldJobWaitingForItsDocumentIsIncomplete() {
        #expect(PrintJob(target: target, id: 1, name: "k", state: .held, reasons: ["job-incoming"]).isIncomplete)
        #expect(
            PrintJob(target: target, id: 1, name: "k", state: .held, reasons: ["job-data-insufficient"]).isIncomplete)
        #expect(
            !PrintJob(target: target, id: 1, name: "k", state: .held, reasons: ["job-hold-until-specified"])
                .isIncomplete)
        #expect(!PrintJob(target: target, id: 1, name: "k", state: .pending, reasons: ["job-incoming"]).isIncomplete)
    }
}

@Suite struct PrintDocumentAndOptionsTests {
    @Test func onlyAPDFIsADocument() throws {
        let pdf = try PrintDocument(pdf: Array("%PDF-1.4\n%%EOF\n".utf8), title: "参保证明")
        #expect(pdf.title == "参保证明")
        #expect(throws: PrintingError.notPDF) { try PrintDocument(pdf: Array("%!PS-Adobe-3.0".utf8), title: "x") }
        #expect(throws: PrintingError.notPDF) { try PrintDocument(pdf: [], title: "x") }
        #expect(throws: PrintingError.unreadableFile("")) {
            try PrintDocument(contentsOfFile: "/nonexistent/sskiosk-\(UInt64.random(in: 0...UInt64.max)).pdf")
        }
    }

    @Test func optionsBecomeIPPNamesAndValues() {
        let options = PrintOptions(
            media: "custom_cr80_85.6x53.98mm", copies: 2, sides: .twoSidedShortEdge, colorMode: .monochrome)
        #expect(
            options.cupsOptions.map { "\($0.name)=\($0.value)" } == [
                "media=custom_cr80_85.6x53.98mm", "copies=2", "sides=two-sided-short-edge",
                "print-color-mode=monochrome",
            ])
        #expect(PrintOptions().cupsOptions.isEmpty)
    }

    @Test func mediaSizesReadInMillimetres() {
        let card = MediaSize(name: "custom_cr80_85.6x53.98mm", width: 8560, length: 5398)
        #expect(card.description == "custom_cr80_85.6x53.98mm 85.6x53.98 mm borderless")
        let a4 = MediaSize(
            name: "iso_a4_210x297mm", width: 21000, length: 29700, bottomMargin: 423, leftMargin: 423, rightMargin: 423,
            topMargin: 423)
        #expect(a4.description == "iso_a4_210x297mm 210x297 mm")
        #expect(MediaSize(name: "x", width: 10005, length: 100).description == "x 100.05x1 mm borderless")
    }
}

@Suite struct PrintingErrorTests {
    @Test func aConnectionThatFailedIsCupsdForAQueueAndThePrinterForAURI() {
        #expect(PrintingError.mapping(ippStatus: 0x0502, target: .queue("rig-a4")) == .schedulerUnavailable)
        let uri = "ipp://localhost:8631/ipp/print"
        let unreachable = PrintingError.mapping(ippStatus: 0x0502, target: .printer(uri: uri))
        #expect(unreachable == .printerUnreachable(uri))
        #expect(unreachable.message.contains(uri))
    }

    @Test func notFoundIsTheJobWhenAJobWasAskedForElseTheQueue() {
        #expect(PrintingError.mapping(ippStatus: 0x0406, target: .queue("q"), jobID: 7) == .jobNotFound(7))
        let queue = PrintingError.mapping(ippStatus: 0x0406, target: .queue("no-such-queue"))
        #expect(queue == .unknownQueue(""))
        #expect(queue.message.contains("no-such-queue"))
        #expect(PrintingError.mapping(ippStatus: 0x0506, target: .queue("q")) == .notAcceptingJobs)
        #expect(PrintingError.mapping(ippStatus: 0x040A, target: .queue("q")) == .documentRejected)
        #expect(PrintingError.mapping(ippStatus: 0x0500, target: .queue("q")) == .requestFailed)
    }

    @Test func theIPPCodeAndLibcupsWordsGoToTheDescriptionNotTheMessage() {
        let error = PrintingError.mapping(ippStatus: 0x0502, target: .queue("q"))
            .reported(ippStatus: 0x0502, detail: "No such file or directory")
        #expect(error.description.contains("[IPP 0x0502]"))
        #expect(error.description.contains("No such file or directory"))
        #expect(!error.message.contains("0x0502"))
    }
}
