import Synchronization
import Testing

@testable import Printing

/// A printer that goes through scripted steps, one per poll of the job, staying at the last.
final class ScriptedPrintService: PrintService {
    typealias Step = (job: PrintJob.State, printer: PrinterStatus)

    private struct Script {
        var steps: [Step]
        var polls = 0
        var printer: PrinterStatus?
    }

    private let script: Mutex<Script>

    init(_ steps: [Step]) {
        script = Mutex(Script(steps: steps))
    }

    var polls: Int { script.withLock { $0.polls } }

    func job(_ id: Int32, on target: PrintTarget) async throws(PrintingError) -> PrintJob {
        let state = script.withLock { script in
            let step = script.steps.count > 1 ? script.steps.removeFirst() : script.steps[0]
            script.polls += 1
            script.printer = step.printer
            return step.job
        }
        return PrintJob(target: target, id: id, name: "k", state: state)
    }

    func status(of target: PrintTarget) async throws(PrintingError) -> PrinterStatus {
        guard let printer = script.withLock({ $0.printer }) else { throw .requestFailed }
        return printer
    }

    func queues() async throws(PrintingError) -> [PrintQueue] { [] }
    func capabilities(of target: PrintTarget) async throws(PrintingError) -> PrinterCapabilities {
        throw .requestFailed
    }
    func submit(
        _ document: PrintDocument, to target: PrintTarget, key: IdempotencyKey, options: PrintOptions
    ) async throws(PrintingError) -> PrintJob { throw .requestFailed }
    func job(withKey key: IdempotencyKey, on target: PrintTarget) async throws(PrintingError) -> PrintJob? { nil }
    func cancel(_ job: PrintJob) async throws(PrintingError) -> PrintJob { job }
}

@Suite struct JobProgressTests {
    private let job = PrintJob(target: .queue("scripted"), id: 5, name: "k", state: .pending)
    private let printing = PrinterStatus(state: .processing)
    private let empty = PrinterStatus(state: .processing, reasons: [StateReason("media-empty-warning")])

    @Test func yieldsEachChangeOnceAndEndsWhenTheJobFinishes() async throws {
        let service = ScriptedPrintService([
            (.pending, printing), (.processing, empty), (.processing, empty), (.processing, empty),
            (.processing, printing), (.completed, printing),
        ])
        var seen: [String] = []
        for try await progress in service.progress(of: job, every: .milliseconds(1)) {
            seen.append("\(progress.job.state)/\(progress.fault.map(String.init(describing:)) ?? "-")")
        }
        #expect(seen == ["pending/-", "processing/media empty", "processing/-", "completed/-"])
        #expect(service.polls == 6)
    }

    @Test func theFinishedJobCarriesNoPrinterState() async throws {
        let service = ScriptedPrintService([(.aborted, empty)])
        var updates = service.progress(of: job, every: .milliseconds(1)).makeAsyncIterator()
        let last = try #require(try await updates.next())
        #expect(last.job.state == .aborted)
        #expect(last.printer == nil)
        #expect(try await updates.next() == nil)
    }

    @Test func waitingGivesUpAtTheTimeoutAndTheJobStaysQueued() async throws {
        // No bound on the elapsed time here: under a loaded test run the sleeps stretch, and
        // timing belongs in benchmarks. What must hold is that it polled and then gave up.
        let service = ScriptedPrintService([(.processing, empty)])
        await #expect(throws: PrintingError.timedOut) {
            try await service.waitUntilFinished(job, timeout: .milliseconds(200), every: .milliseconds(20))
        }
        #expect(service.polls >= 1)
    }

    @Test func waitingReportsTheFaultOnTheWayAndReturnsTheFinishedJob() async throws {
        let service = ScriptedPrintService([(.processing, empty), (.processing, empty), (.completed, printing)])
        var faults: [PrinterFault?] = []
        let finished = try await service.waitUntilFinished(job, timeout: .seconds(600), every: .milliseconds(1)) {
            faults.append($0.fault)
        }
        #expect(finished.state == .completed)
        #expect(faults == [.mediaEmpty, nil])
    }
}
