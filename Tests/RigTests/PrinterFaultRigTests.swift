import Printing
import Testing

extension RigTests {
    /// Printer faults made by `rig printer fault`: reported with the right message, the job waits
    /// through them, and prints once when they clear.
    @Suite struct PrinterFaults {
        let service = CUPSPrintService(timeout: .seconds(10))

        /// Submits a job through cupsd while `fault` lasts, checks it waits with `expected` reported,
        /// then checks it prints exactly once after the fault clears.
        private func jobWaitsThrough(
            _ fault: String, expected: PrinterFault, on printer: Rig.Printer
        ) async throws -> JobProgress {
            let key = try Rig.freshKey(fault)
            let target = PrintTarget.queue(printer.queue)
            let (job, waiting) = try await Rig.withFault(fault, on: printer) {
                let document = try TestPDF.document(for: printer, text: "\(fault) \(key)")
                let job = try await service.submit(
                    document, to: target, key: key, options: PrintOptions(media: printer.media))
                var waiting: JobProgress?
                let updates = service.progress(of: job, every: .milliseconds(100), timeout: .seconds(20))
                for try await progress in updates {
                    #expect(!progress.job.state.isFinished, "the job ended during the fault: \(progress.job)")
                    if progress.fault == expected {
                        waiting = progress
                        break
                    }
                }
                // Still waiting a moment later: the fault holds the job, it does not drop it.
                try await Task.sleep(for: .seconds(1))
                #expect(try await service.job(job.id, on: target).state == .processing)
                return (job, try #require(waiting))
            }
            let finished = try await service.waitUntilFinished(job, timeout: .seconds(90), every: .milliseconds(200))
            #expect(finished.state == .completed)
            try await Task.sleep(for: .seconds(1))
            #expect(printer.spooled(key).count == 1)
            return waiting
        }

        @Test func outOfPaperTheJobWaitsAndPrintsOnceWhenPaperIsBack() async throws {
            guard await Rig.printersAreUp() else { return }
            let waiting = try await jobWaitsThrough("media-empty", expected: .mediaEmpty, on: Rig.a4)
            #expect(waiting.job.state == .processing)
            let message = try #require(waiting.printer?.residentMessage)
            #expect(message.zh == "打印机缺纸。您的文件已保存，请联系工作人员或稍后再试。")
            #expect(message.en.contains("out of paper"))
            let summary = try #require(waiting.printer?.technicianSummary)
            #expect(summary.contains("media-empty"))
            #expect(summary.contains("job(s) queued"))
        }

        @Test func anEmptyReceiptRollHoldsTheReceiptUntilANewRollIsIn() async throws {
            guard await Rig.printersAreUp() else { return }
            let waiting = try await jobWaitsThrough("media-empty", expected: .mediaEmpty, on: Rig.receipt)
            #expect(waiting.printer?.residentMessage == PrinterFault.mediaEmpty.residentMessage)
        }

        @Test func aJammedCardWaitsAndPrintsOnceWhenCleared() async throws {
            guard await Rig.printersAreUp() else { return }
            let waiting = try await jobWaitsThrough("media-jam", expected: .mediaJam, on: Rig.card)
            #expect(waiting.printer?.residentMessage == PrinterFault.mediaJam.residentMessage)
            #expect(waiting.printer?.residentMessage.zh.contains("卡纸") == true)
            #expect(waiting.printer?.reasons.contains { $0.keyword == "media-jam" } == true)
        }

        /// cupsd's ipp backend keeps retrying a printer that is off and says so only in words; the
        /// job waits and prints once the printer is back.
        @Test func aPrinterSwitchedOffHoldsTheJobUntilItIsBack() async throws {
            guard await Rig.printersAreUp() else { return }
            let waiting = try await jobWaitsThrough("offline", expected: .offline, on: Rig.a4)
            #expect(waiting.printer?.residentMessage.zh == "打印机未开机或未连接。您的文件已保存，请联系工作人员或稍后再试。")
        }

        @Test func aPrinterAddressedDirectlyReportsAnEmptyTrayAtOnceAndBeingOffAsAnError() async throws {
            guard await Rig.printersAreUp() else { return }
            let target = PrintTarget.printer(uri: Rig.card.uri)
            try await Rig.withFault("media-empty", on: Rig.card) {
                // Unlike an idle cupsd queue, the printer itself tells of its empty tray before any job.
                let status = try await service.status(of: target)
                #expect(status.state == .idle)
                #expect(status.fault == .mediaEmpty)
                #expect(status.residentMessage == PrinterFault.mediaEmpty.residentMessage)
            }
            #expect(try await service.status(of: target).fault == nil)

            try await Rig.withFault("offline", on: Rig.card) {
                let error = await #expect(throws: PrintingError.self) { _ = try await service.status(of: target) }
                #expect(error == .printerUnreachable(Rig.card.uri))
                #expect(error?.message.contains(Rig.card.uri) == true)
                let key = try Rig.freshKey("off-direct")
                await #expect(throws: PrintingError.printerUnreachable(Rig.card.uri)) {
                    _ = try await service.submit(
                        try TestPDF.document(for: Rig.card, text: "off"), to: target, key: key, options: PrintOptions())
                }
            }
            #expect(try await service.status(of: target).fault == nil)
        }
    }
}
