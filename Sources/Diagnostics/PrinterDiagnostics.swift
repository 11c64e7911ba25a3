import Logging
import Printing

/// The checks of the printing path: cupsd, each queue with the printer behind it, whether this user
/// may print on each, and, on request, a test page followed to the end.
public struct PrinterDiagnostics: Sendable {
    /// The queues to check; `nil`: every queue cupsd has (see ``resolvingQueues(service:)``).
    public var queues: [String]
    /// The queue to print a test page on; `nil`: no test page.
    public var testPageQueue: String?
    /// How long the test page may take to print before it counts as held.
    public var testPageTimeout: Duration
    /// The service used throughout; by default with a short timeout, logging only errors (a
    /// report on stdout is the output).
    public var service: CUPSPrintService

    public init(
        queues: [String], testPageQueue: String? = nil, testPageTimeout: Duration = .seconds(3),
        service: CUPSPrintService = Self.defaultService
    ) {
        self.queues = queues
        self.testPageQueue = testPageQueue
        self.testPageTimeout = testPageTimeout
        self.service = service
    }

    /// The configured queues, or every queue cupsd lists now (none when it does not answer: the
    /// cupsd check then says why).
    public static func resolvingQueues(
        _ configured: [String]?, service: CUPSPrintService = defaultService
    ) async -> [String] {
        if let configured { return configured }
        return (try? await service.queues().map(\.name)) ?? []
    }

    public static var defaultService: CUPSPrintService {
        var logger = Logger(label: "sskiosk.diagnostics.printing")
        logger.logLevel = .error
        return CUPSPrintService(logger: logger, timeout: .seconds(2))
    }

    public var checks: [any Check] {
        var checks: [any Check] = [CUPSDaemonCheck(service: service)]
        checks += queues.map { PrinterQueueCheck(queue: $0, service: service) }
        checks.append(PrintPermissionCheck(queues: queues, service: service))
        if let testPageQueue {
            checks.append(TestPageCheck(queue: testPageQueue, service: service, timeout: testPageTimeout))
        }
        return checks
    }
}
