import CPCSCLite
import Foundation
import Logging
import Synchronization

/// Reader and card events as an `AsyncSequence`: readers added and removed, cards inserted
/// (with ATR) and removed.
///
/// It starts by reporting what is present, then changes as they happen, built on
/// `SCardGetStatusChange` with the PnP notification reader. The wait blocks a thread of its own,
/// not the cooperative pool; ending the iteration (or cancelling its task) cancels the wait.
/// When pcscd goes away the monitor reports it, re-establishes its context with ``Backoff`` and
/// resumes by itself.
public struct ReaderMonitor: AsyncSequence, Sendable {
    public typealias Element = ReaderEvent

    private let backoff: Backoff
    private let logger: Logger

    public init(backoff: Backoff = Backoff(), logger: Logger = Logger(label: "sskiosk.smartcard.monitor")) {
        self.backoff = backoff
        self.logger = logger
    }

    public func makeAsyncIterator() -> AsyncStream<ReaderEvent>.Iterator {
        let (stream, continuation) = AsyncStream.makeStream(of: ReaderEvent.self)
        let loop = MonitorLoop(continuation: continuation, backoff: backoff, logger: logger)
        continuation.onTermination = { _ in loop.stop() }
        let thread = Thread { loop.run() }
        thread.name = "sskiosk.reader-monitor"
        thread.start()
        return stream.makeAsyncIterator()
    }
}

/// The driver behind ``ReaderMonitor``: PC/SC calls on its own thread, decisions in ``ReaderTracker``.
private final class MonitorLoop: Sendable {
    private let continuation: AsyncStream<ReaderEvent>.Continuation
    private let backoff: Backoff
    private let logger: Logger
    /// Whether the consumer has gone, and the context to cancel when it does.
    private let control = Mutex<(stopped: Bool, context: SCARDCONTEXT?)>((false, nil))

    private static let pnpReader = "\\\\?PnP?\\Notification"
    private static let infinite = DWORD(0xFFFF_FFFF)

    init(continuation: AsyncStream<ReaderEvent>.Continuation, backoff: Backoff, logger: Logger) {
        self.continuation = continuation
        self.backoff = backoff
        self.logger = logger
    }

    private var isStopped: Bool { control.withLock { $0.stopped } }

    func stop() {
        control.withLock { c in
            c.stopped = true
            if let context = c.context { _ = SCardCancel(context) }
        }
    }

    private func emit(_ events: [ReaderEvent]) {
        for event in events { continuation.yield(event) }
    }

    private enum WatchEnd { case stopped, serviceLost }

    func run() {
        var tracker = ReaderTracker()
        var failures = 0
        var lost = false
        while !isStopped {
            var context: SCARDCONTEXT = 0
            let rv = Int(SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &context))
            guard rv == PCSCStatus.success else {
                if !lost {
                    lost = true
                    logger.warning(
                        "smart-card service unavailable; retrying",
                        metadata: ["error": "\(SmartCardError(pcscCode: rv))"])
                    emit(tracker.serviceLost())
                }
                failures += 1
                sleep(backoff.delay(afterFailures: failures))
                continue
            }
            let adopted = control.withLock { c -> Bool in
                guard !c.stopped else { return false }
                c.context = context
                return true
            }
            guard adopted else {
                _ = SCardReleaseContext(context)
                break
            }
            if lost {
                lost = false
                logger.info("smart-card service restored")
                emit([.serviceRestored])
            }
            failures = 0
            let end = watch(context: context, tracker: &tracker)
            control.withLock { $0.context = nil }
            _ = SCardReleaseContext(context)
            if end == .serviceLost {
                lost = true
                logger.warning("smart-card service lost; re-establishing")
                emit(tracker.serviceLost())
            }
        }
        continuation.finish()
    }

    /// Sleeps in short slices so that a stop is noticed quickly.
    private func sleep(_ duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !isStopped, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    private func listReaders(_ context: SCARDCONTEXT) -> (Int, [String]) {
        var length: DWORD = 0
        var rv = Int(SCardListReaders(context, nil, nil, &length))
        if rv == PCSCStatus.noReadersAvailable { return (PCSCStatus.success, []) }
        guard rv == PCSCStatus.success else { return (rv, []) }
        var buffer = [CChar](repeating: 0, count: Int(length))
        rv = Int(SCardListReaders(context, nil, &buffer, &length))
        if rv == PCSCStatus.noReadersAvailable { return (PCSCStatus.success, []) }
        return (rv, PCSCContext.splitMultiString(buffer))
    }

    /// Watches until the consumer stops or the daemon goes away. Each pass lists the readers,
    /// then waits for changes until the set of readers itself changes.
    private func watch(context: SCARDCONTEXT, tracker: inout ReaderTracker) -> WatchEnd {
        var pnpState: DWORD = 0
        var lastState: [String: DWORD] = [:]
        while !isStopped {
            let (rv, readers) = listReaders(context)
            if PCSCStatus.meansServiceLost(rv) { return .serviceLost }
            if rv == PCSCStatus.cancelled { continue }
            guard rv == PCSCStatus.success else {
                logger.error("listing readers failed", metadata: ["error": "\(SmartCardError(pcscCode: rv))"])
                sleep(backoff.maximum)
                continue
            }
            emit(tracker.observe(readers: readers))
            lastState = lastState.filter { readers.contains($0.key) }

            let names = [Self.pnpReader] + readers
            let cNames = names.map { strdup($0)! }
            defer { cNames.forEach { free($0) } }
            var states = names.indices.map { i in
                var s = SCARD_READERSTATE()
                s.szReader = UnsafePointer(cNames[i])
                s.dwCurrentState = i == 0 ? pnpState : lastState[names[i]] ?? DWORD(SCARD_STATE_UNAWARE)
                return s
            }

            waiting: while !isStopped {
                let rv = Int(SCardGetStatusChange(context, Self.infinite, &states, DWORD(states.count)))
                if rv == PCSCStatus.cancelled || rv == PCSCStatus.timeout { continue }
                if PCSCStatus.meansServiceLost(rv) { return .serviceLost }
                guard rv == PCSCStatus.success else {
                    logger.error(
                        "waiting for reader changes failed", metadata: ["error": "\(SmartCardError(pcscCode: rv))"])
                    break waiting
                }
                var readersChanged = false
                for i in states.indices where states[i].dwEventState & DWORD(SCARD_STATE_CHANGED) != 0 {
                    let eventState = states[i].dwEventState
                    states[i].dwCurrentState = eventState & ~DWORD(SCARD_STATE_CHANGED)
                    if i == 0 {
                        pnpState = states[i].dwCurrentState
                        readersChanged = true
                        continue
                    }
                    if eventState & DWORD(SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE) != 0 {
                        readersChanged = true
                        continue
                    }
                    lastState[names[i]] = states[i].dwCurrentState
                    let atr = withUnsafeBytes(of: states[i].rgbAtr) { Array($0.prefix(Int(states[i].cbAtr))) }
                    emit(
                        tracker.observe(
                            reader: names[i],
                            present: eventState & DWORD(SCARD_STATE_PRESENT) != 0,
                            atr: atr,
                            eventCount: Int(eventState >> 16)
                        ))
                }
                if readersChanged { break waiting }
            }
        }
        return .stopped
    }
}
