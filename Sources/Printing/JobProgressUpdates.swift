/// A job's progress, polled: one element per change, ending after the job has finished.
public struct JobProgressUpdates: AsyncSequence, Sendable {
    public typealias Element = JobProgress
    public typealias Failure = PrintingError

    let service: any PrintService
    let job: PrintJob
    let interval: Duration
    let timeout: Duration?

    public func makeAsyncIterator() -> Iterator {
        Iterator(
            service: service, job: job, interval: interval,
            deadline: timeout.map { ContinuousClock.now + $0 })
    }

    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let service: any PrintService
        let job: PrintJob
        let interval: Duration
        let deadline: ContinuousClock.Instant?
        var last: JobProgress?
        var finished = false

        public mutating func next() async throws(PrintingError) -> JobProgress? {
            try await next(isolation: nil)
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(PrintingError) -> JobProgress? {
            guard !finished else { return nil }
            while true {
                if last != nil {
                    if let deadline, ContinuousClock.now + interval > deadline { throw .timedOut }
                    do { try await Task.sleep(for: interval) } catch { throw .cancelled }
                }
                let current = try await service.job(job.id, on: job.target)
                let printer = current.state.isFinished ? nil : try await service.status(of: job.target)
                let progress = JobProgress(job: current, printer: printer)
                finished = current.state.isFinished
                if progress != last {
                    last = progress
                    return progress
                }
            }
        }
    }
}
