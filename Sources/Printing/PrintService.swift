/// Printing as the rest of the terminal sees it: queues, printer state and capabilities, and
/// jobs that print once however often they are submitted.
///
/// ``CUPSPrintService`` is the real one; the kiosk's core talks to this protocol so its own
/// tests can stand a scripted printer in.
public protocol PrintService: Sendable {
    /// cupsd's queues with their state.
    func queues() async throws(PrintingError) -> [PrintQueue]

    /// The printer's (or queue's) state now.
    func status(of target: PrintTarget) async throws(PrintingError) -> PrinterStatus

    /// What the printer can do: media, colour, sides, formats.
    func capabilities(of target: PrintTarget) async throws(PrintingError) -> PrinterCapabilities

    /// Prints `document` once under `key`.
    ///
    /// If the target already holds a job named `key` (a retry after a crash or a timeout), that
    /// job is returned and nothing is printed again, whatever state it is in; the exception is a
    /// job whose document never arrived, which is cancelled and replaced. Submissions under one key
    /// must not overlap (the terminal's single outbox sender sees to that): two at once could both
    /// find no job.
    func submit(
        _ document: PrintDocument, to target: PrintTarget, key: IdempotencyKey, options: PrintOptions
    ) async throws(PrintingError) -> PrintJob

    /// The job's state now.
    func job(_ id: Int32, on target: PrintTarget) async throws(PrintingError) -> PrintJob

    /// The newest job submitted under `key` that the target still knows, or nil.
    func job(withKey key: IdempotencyKey, on target: PrintTarget) async throws(PrintingError) -> PrintJob?

    /// Cancels the job unless it has already finished; returns its state afterwards.
    func cancel(_ job: PrintJob) async throws(PrintingError) -> PrintJob
}

extension PrintService {
    /// The job's progress, polled every `interval`, one element per change, ending after the job
    /// has finished; it throws ``PrintingError/timedOut`` if the job has not finished by `timeout`.
    public func progress(
        of job: PrintJob, every interval: Duration = .milliseconds(500), timeout: Duration? = nil
    ) -> JobProgressUpdates {
        JobProgressUpdates(service: self, job: job, interval: interval, timeout: timeout)
    }

    /// Waits until the job has finished (completed, aborted or canceled) and returns it, calling
    /// `onChange` with each change on the way (to show the resident a fault's message).
    public func waitUntilFinished(
        _ job: PrintJob, timeout: Duration, every interval: Duration = .milliseconds(500),
        onChange: (JobProgress) -> Void = { _ in }
    ) async throws(PrintingError) -> PrintJob {
        var updates = progress(of: job, every: interval, timeout: timeout).makeAsyncIterator()
        var last = job
        while let progress = try await updates.next() {
            onChange(progress)
            last = progress.job
        }
        return last
    }
}
