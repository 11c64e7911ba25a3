/// A job and, while it has not finished, the state of its printer: what a kiosk shows while a
/// resident waits.
public struct JobProgress: Sendable, Hashable {
    public let job: PrintJob
    /// The printer's state while the job waits or prints; nil once the job has finished.
    public let printer: PrinterStatus?

    public init(job: PrintJob, printer: PrinterStatus?) {
        self.job = job
        self.printer = printer
    }

    /// What keeps the job from printing, if anything.
    public var fault: PrinterFault? { printer?.fault }
}
