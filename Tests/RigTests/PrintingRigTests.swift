import Foundation
import Printing
import TestSupport
import Testing

extension RigTests {
    /// Printing through the real cupsd and ippeveprinter: queues, capabilities, spooled documents,
    /// idempotent submission, cancelling, and cupsd going away.
    @Suite struct Printing {
        let service = CUPSPrintService(timeout: .seconds(10))

        @Test func listsTheRigsQueuesWithTheirPrinters() async throws {
            guard await Rig.printersAreUp() else { return }
            let queues = try await service.queues()
            for printer in [Rig.a4, Rig.card] {
                let queue = try #require(queues.first { $0.name == printer.queue })
                #expect(queue.deviceURI == printer.uri)
                #expect(queue.status.isAcceptingJobs)
                #expect(queue.status.fault == nil)
                #expect(queue.target == .queue(printer.queue))
            }
        }

        /// cupsd 2.4.2-3+deb12u10 crashes on a document name with a space: a title with spaces must
        /// print, and leave cupsd answering for the next job.
        @Test func aTitleWithSpacesPrintsAndCupsdStaysUp() async throws {
            guard await Rig.printersAreUp() else { return }
            let key = try Rig.freshKey("spaced-title")
            let document = try PrintDocument(
                pdf: TestPDF.make(width: Rig.a4.pageSize.width, height: Rig.a4.pageSize.height, text: "spaces"),
                title: "a title with spaces")
            let job = try await service.submit(document, to: .queue(Rig.a4.queue), key: key, options: PrintOptions())
            #expect(try await service.waitUntilFinished(job, timeout: .seconds(60)).state == .completed)
            #expect(try await service.queues().contains { $0.name == Rig.a4.queue })
            try await eventually("the job's file in rig-a4's spool") { Rig.a4.spooled(key).count == 1 }
        }

        @Test func capabilitiesOfTheA4QueueAndOfTheCardPrinterDirectly() async throws {
            guard await Rig.printersAreUp() else { return }
            let a4 = try await service.capabilities(of: .queue(Rig.a4.queue))
            let sheet = try #require(a4.media(named: "iso_a4_210x297mm"))
            #expect((sheet.width, sheet.length) == (21000, 29700))
            #expect(!sheet.isBorderless)
            #expect(a4.defaultMedia?.name == "iso_a4_210x297mm")
            #expect(a4.supportsDuplex)
            #expect(!a4.supportsColor)

            let card = try await service.capabilities(of: .printer(uri: Rig.card.uri))
            let cr80 = try #require(card.media(named: Rig.card.media))
            #expect((cr80.width, cr80.length) == (8560, 5398))
            #expect(cr80.isBorderless)
            #expect(card.defaultMedia?.name == Rig.card.media)
            #expect(card.supportsColor)
            #expect(card.documentFormats.contains("application/pdf"))

            // cupsd's queue for the card printer offers the same ID-1 size (under its own name).
            let cardQueue = try await service.capabilities(of: .queue(Rig.card.queue))
            #expect(cardQueue.media.contains { ($0.width, $0.length) == (8560, 5398) })
        }

        @Test(arguments: [Rig.a4, Rig.card])
        func aPDFPrintedThroughCupsdLandsInThePrintersSpool(_ printer: Rig.Printer) async throws {
            guard await Rig.printersAreUp() else { return }
            let key = try Rig.freshKey("spool-\(printer.name)")
            let document = try TestPDF.document(for: printer, text: "spool test \(key)")
            let job = try await service.submit(
                document, to: .queue(printer.queue), key: key, options: PrintOptions(media: printer.media))
            #expect(job.name == key.rawValue)
            let finished = try await service.waitUntilFinished(job, timeout: .seconds(60), every: .milliseconds(100))
            #expect(finished.state == .completed)

            let files = printer.spooled(key)
            try #require(files.count == 1, "spooled: \(files)")
            let bytes = try Data(contentsOf: files[0])
            #expect(bytes.starts(with: Array("%PDF-".utf8)))
            let info = try await Poppler.info(of: files[0].path)
            #expect(info.pages == 1)
            #expect(abs(info.width - printer.pageSize.width) < 1 && abs(info.height - printer.pageSize.height) < 1)
        }

        @Test func printingStraightToThePrintersURINeedsNoCupsd() async throws {
            guard await Rig.printersAreUp() else { return }
            let key = try Rig.freshKey("direct")
            let document = try TestPDF.document(for: Rig.card, text: "direct \(key)")
            let job = try await service.submit(
                document, to: .printer(uri: Rig.card.uri), key: key, options: PrintOptions(media: Rig.card.media))
            let finished = try await service.waitUntilFinished(job, timeout: .seconds(30), every: .milliseconds(100))
            #expect(finished.state == .completed)
            let files = Rig.card.spooled(key)
            try #require(files.count == 1, "spooled: \(files)")
            // Without cupsd nothing filters the document: the printer holds the very bytes sent.
            #expect(Array(try Data(contentsOf: files[0])) == document.pdf)
        }

        @Test(arguments: [PrintTarget.queue(Rig.a4.queue), .printer(uri: Rig.a4.uri)])
        func theSameKeyTwicePrintsOnce(_ target: PrintTarget) async throws {
            guard await Rig.printersAreUp() else { return }
            let key = try Rig.freshKey("twice")
            let document = try TestPDF.document(for: Rig.a4, text: "twice \(key)")
            let first = try await service.submit(document, to: target, key: key, options: PrintOptions())
            let again = try await service.submit(document, to: target, key: key, options: PrintOptions())
            #expect(again.id == first.id)
            let finished = try await service.waitUntilFinished(first, timeout: .seconds(60), every: .milliseconds(100))
            #expect(finished.state == .completed)
            let afterwards = try await service.submit(document, to: target, key: key, options: PrintOptions())
            #expect(afterwards.id == first.id)
            #expect(afterwards.state == .completed)
            #expect(try await service.job(withKey: key, on: target)?.id == first.id)
            // Give a second job time to reach the printer if one had been made.
            try await Task.sleep(for: .seconds(2))
            #expect(Rig.a4.spooled(key).count == 1)
        }

        /// A submitter that crashed between creating its job and sending the document leaves a
        /// held job that never prints; the retry under the same key cancels it and prints once.
        @Test func aRetryAfterACrashInTheMiddleCancelsTheHalfJobAndPrintsOnce() async throws {
            guard await Rig.printersAreUp() else { return }
            let key = try Rig.freshKey("half")
            let target = PrintTarget.queue(Rig.a4.queue)
            let halfID = try await Rig.createJobWithoutDocument(
                on: "ipp://localhost/printers/\(Rig.a4.queue)", named: key)
            let half = try await service.job(halfID, on: target)
            #expect(half.isIncomplete)

            let document = try TestPDF.document(for: Rig.a4, text: "half \(key)")
            let job = try await service.submit(document, to: target, key: key, options: PrintOptions())
            #expect(job.id != halfID)
            #expect(try await service.job(halfID, on: target).state == .canceled)
            let finished = try await service.waitUntilFinished(job, timeout: .seconds(60), every: .milliseconds(100))
            #expect(finished.state == .completed)
            #expect(Rig.a4.spooled(key).count == 1)
        }

        /// cupsd cancels at once and its backend passes the cancel on to the printer. ippeveprinter
        /// accepts it (processing-to-stop-point) but holds the job in its wait for paper until the
        /// tray is filled, and only then ends it canceled.
        @Test func cancellingAJobThatWaitsForPaper() async throws {
            guard await Rig.printersAreUp() else { return }
            let key = try Rig.freshKey("cancel")
            let target = PrintTarget.queue(Rig.a4.queue)
            let printer = PrintTarget.printer(uri: Rig.a4.uri)
            let cancelled = try await Rig.withFault("media-empty", on: Rig.a4) {
                let document = try TestPDF.document(for: Rig.a4, text: "cancel \(key)")
                let job = try await service.submit(document, to: target, key: key, options: PrintOptions())
                try await eventually("the job to wait on the empty tray") {
                    try await service.status(of: target).fault == .mediaEmpty
                }
                _ = try await service.cancel(job)
                var current = job
                try await eventually("cupsd to report the job canceled") {
                    current = try await service.job(job.id, on: target)
                    return current.state == .canceled
                }
                try await eventually(timeout: .seconds(30), "the printer to take the cancel") {
                    try await service.job(withKey: key, on: printer)?.reasons.contains("processing-to-stop-point")
                        == true
                }
                return current
            }
            // Cancelling a finished job changes nothing and is no error.
            #expect(try await service.cancel(cancelled).state == .canceled)
            try await eventually("the printer to end its copy canceled") {
                try await service.job(withKey: key, on: printer)?.state == .canceled
            }
        }

        @Test func anUnknownQueueIsAClearError() async throws {
            guard await Rig.printersAreUp() else { return }
            let error = await #expect(throws: PrintingError.self) {
                _ = try await service.status(of: .queue("no-such-queue"))
            }
            #expect(error == .unknownQueue("no-such-queue"))
            #expect(error?.message.contains("no-such-queue") == true)
        }

        /// cupsd killed: a clear error instead of a hang; started again, it still knows the jobs
        /// it printed, so a retry does not print twice.
        @Test func cupsdStoppedIsAClearErrorAndItsJobsOutliveIt() async throws {
            guard await Rig.printersAreUp() else { return }
            let key = try Rig.freshKey("cupsd")
            let target = PrintTarget.queue(Rig.a4.queue)
            let document = try TestPDF.document(for: Rig.a4, text: "cupsd \(key)")
            let job = try await service.submit(document, to: target, key: key, options: PrintOptions())
            #expect(try await service.waitUntilFinished(job, timeout: .seconds(60)).state == .completed)

            try await Rig.restoring(.printers) {
                try await Rig.run("kill", "cupsd")
                await #expect(throws: PrintingError.schedulerUnavailable) { _ = try await service.queues() }
                await #expect(throws: PrintingError.schedulerUnavailable) { _ = try await service.status(of: target) }
                let refused = await #expect(throws: PrintingError.schedulerUnavailable) {
                    _ = try await service.submit(document, to: target, key: key, options: PrintOptions())
                }
                #expect(refused?.message.contains("cupsd") == true)
            }
            let retry = try await service.submit(document, to: target, key: key, options: PrintOptions())
            #expect(retry.id == job.id)
            #expect(retry.state == .completed)
            try await Task.sleep(for: .seconds(2))
            #expect(Rig.a4.spooled(key).count == 1)
        }
    }
}

extension Rig {
    /// Creates a job named `key` with ipptool and sends no document, as a submitter that crashed
    /// half way would leave it; returns the job's id.
    static func createJobWithoutDocument(on printerURI: String, named key: IdempotencyKey) async throws -> Int32 {
        let test = FileManager.default.temporaryDirectory.appendingPathComponent("create-job-\(UUID().uuidString).test")
        defer { try? FileManager.default.removeItem(at: test) }
        try """
        {
            OPERATION Create-Job
            GROUP operation-attributes-tag
            ATTR charset attributes-charset utf-8
            ATTR naturalLanguage attributes-natural-language en
            ATTR uri printer-uri $uri
            ATTR name requesting-user-name $user
            ATTR name job-name \(key.rawValue)
            STATUS successful-ok
        }
        """.write(to: test, atomically: true, encoding: .utf8)
        let run = try await CommandRun.run(["/usr/bin/ipptool", "-tv", printerURI, test.path])
        let output = run.standardOutput
        guard run.status == 0,
            let line = output.split(separator: "\n").first(where: { $0.contains("job-id (integer) = ") }),
            let id = Int32(line.split(separator: "=").last!.trimmingCharacters(in: .whitespaces))
        else { throw RigFailure(description: "ipptool Create-Job failed: \(output)") }
        return id
    }
}
