import CCups
import Logging
import NIOPosix

/// ``PrintService`` over libcups: cupsd's queues, and IPP printers addressed directly.
///
/// Every libcups call blocks (network, cupsd's socket), so each operation runs whole on NIO's
/// blocking thread pool, never on the cooperative pool, with its own connection.
public struct CUPSPrintService: PrintService {
    private let logger: Logger
    private let threadPool: NIOThreadPool
    private let timeout: Duration

    /// - Parameter timeout: how long to wait for cupsd or a printer to connect or to answer one request.
    public init(
        logger: Logger = Logger(label: "sskiosk.printing"), threadPool: NIOThreadPool = .singleton,
        timeout: Duration = .seconds(30)
    ) {
        self.logger = logger
        self.threadPool = threadPool
        self.timeout = timeout
    }

    public func queues() async throws(PrintingError) -> [PrintQueue] {
        try await blocking { () throws(PrintingError) -> [PrintQueue] in
            let request = IPPRequest(IPP_OP_CUPS_GET_PRINTERS, printerURI: nil)
            request.add(keywords: PrintQueue.requestedAttributes, named: "requested-attributes")
            guard let groups = request.send(over: nil, resource: "/", returning: IPP_TAG_PRINTER) else {
                // cupsd answers not-found when it has no queue at all.
                guard cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND else { throw CUPSStatus.lastError(for: .queue("")) }
                return []
            }
            return groups.compactMap(PrintQueue.init(attributes:))
        }
    }

    public func status(of target: PrintTarget) async throws(PrintingError) -> PrinterStatus {
        try await withDestination(target) { destination throws(PrintingError) in try destination.status() }
    }

    public func capabilities(of target: PrintTarget) async throws(PrintingError) -> PrinterCapabilities {
        try await withDestination(target) { destination throws(PrintingError) in try destination.capabilities() }
    }

    public func submit(
        _ document: PrintDocument, to target: PrintTarget, key: IdempotencyKey, options: PrintOptions = PrintOptions()
    ) async throws(PrintingError) -> PrintJob {
        let logger = logger
        return try await withDestination(target) { destination throws(PrintingError) in
            if let earlier = try destination.job(named: key.rawValue) {
                guard earlier.isIncomplete else {
                    logger.info(
                        "print: already submitted, not printing again",
                        metadata: ["key": "\(key)", "target": "\(target)", "job": "\(earlier.id)"])
                    return earlier
                }
                logger.notice(
                    "print: cancelling a job whose document never arrived",
                    metadata: ["key": "\(key)", "target": "\(target)", "job": "\(earlier.id)"])
                try destination.cancel(earlier.id)
            }
            let id = try destination.print(document.pdf, title: document.title, name: key.rawValue, options: options)
            logger.info(
                "print: submitted",
                metadata: ["key": "\(key)", "target": "\(target)", "job": "\(id)", "bytes": "\(document.pdf.count)"])
            return try destination.job(id)
        }
    }

    /// Throws unless a job from this user would be accepted now (cupsd's policy, the queue
    /// accepting jobs); prints nothing. For diagnostics.
    public func validateJob(on target: PrintTarget) async throws(PrintingError) {
        try await withDestination(target) { destination throws(PrintingError) in try destination.validateJob() }
    }

    public func job(_ id: Int32, on target: PrintTarget) async throws(PrintingError) -> PrintJob {
        try await withDestination(target) { destination throws(PrintingError) in try destination.job(id) }
    }

    public func job(withKey key: IdempotencyKey, on target: PrintTarget) async throws(PrintingError) -> PrintJob? {
        try await withDestination(target) { destination throws(PrintingError) in
            try destination.job(named: key.rawValue)
        }
    }

    public func cancel(_ job: PrintJob) async throws(PrintingError) -> PrintJob {
        let logger = logger
        return try await withDestination(job.target) { destination throws(PrintingError) in
            let current = try destination.job(job.id)
            guard !current.state.isFinished else { return current }
            try destination.cancel(job.id)
            logger.info("print: cancelled", metadata: ["target": "\(job.target)", "job": "\(job.id)"])
            return try destination.job(job.id)
        }
    }

    // MARK: Off the cooperative pool

    private func withDestination<T: Sendable>(
        _ target: PrintTarget, _ body: @escaping @Sendable (CUPSDestination) throws(PrintingError) -> T
    ) async throws(PrintingError) -> T {
        let timeout = timeout
        return try await blocking { () throws(PrintingError) -> T in
            try body(try CUPSDestination(target, timeout: timeout))
        }
    }

    private func blocking<T: Sendable>(
        _ body: @escaping @Sendable () throws(PrintingError) -> T
    ) async throws(PrintingError) -> T {
        do {
            return try await threadPool.runIfActive { try body() }
        } catch let error as PrintingError {
            throw error
        } catch {
            throw .cancelled
        }
    }
}
