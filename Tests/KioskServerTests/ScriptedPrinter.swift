import Foundation
import Printing
import Synchronization

/// A printer for API tests: keeps every submitted document, finds jobs by name as cupsd does,
/// and reports each job in the state the test sets (completed by default), with an optional fault.
final class ScriptedPrinter: PrintService, Sendable {
    struct Submission: Sendable {
        var key: String
        var target: PrintTarget
        var document: PrintDocument
        var options: PrintOptions
    }

    private struct State {
        var submissions: [Submission] = []
        var jobState: PrintJob.State = .completed
        var printer = PrinterStatus(state: .idle)
    }

    private let state = Mutex(State())

    var submissions: [Submission] { state.withLock { $0.submissions } }

    /// What every job reports from now on, and the printer's state beside it.
    func set(_ jobState: PrintJob.State, printer: PrinterStatus = PrinterStatus(state: .idle)) {
        state.withLock {
            $0.jobState = jobState
            $0.printer = printer
        }
    }

    func queues() async throws(PrintingError) -> [PrintQueue] { [] }

    func status(of target: PrintTarget) async throws(PrintingError) -> PrinterStatus { state.withLock { $0.printer } }

    func capabilities(of target: PrintTarget) async throws(PrintingError) -> PrinterCapabilities {
        PrinterCapabilities(media: [], defaultMedia: nil, colorModes: [], sides: [], documentFormats: [])
    }

    func submit(_ document: PrintDocument, to target: PrintTarget, key: IdempotencyKey, options: PrintOptions)
        async throws(PrintingError) -> PrintJob
    {
        if let existing = try await job(withKey: key, on: target) { return existing }
        let id = state.withLock { state -> Int32 in
            state.submissions.append(
                Submission(key: key.rawValue, target: target, document: document, options: options))
            return Int32(state.submissions.count)
        }
        return PrintJob(target: target, id: id, name: key.rawValue, state: .pending)
    }

    func job(_ id: Int32, on target: PrintTarget) async throws(PrintingError) -> PrintJob {
        let (submission, jobState) = state.withLock { ($0.submissions[Int(id) - 1], $0.jobState) }
        return PrintJob(target: target, id: id, name: submission.key, state: jobState)
    }

    func job(withKey key: IdempotencyKey, on target: PrintTarget) async throws(PrintingError) -> PrintJob? {
        let index = state.withLock { $0.submissions.lastIndex { $0.key == key.rawValue && $0.target == target } }
        guard let index else { return nil }
        return try await job(Int32(index + 1), on: target)
    }

    func cancel(_ job: PrintJob) async throws(PrintingError) -> PrintJob { job }
}
