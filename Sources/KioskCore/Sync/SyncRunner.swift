import Foundation
import Logging

/// The terminal's one sender: the drain and the pull of ``SyncEngine`` each on its own timer,
/// with backoff after failures, until cancelled. The drain goes every `drainInterval` while the
/// link works (so a write made offline leaves without waiting for the next write), and at once
/// when the store queues a write (``KioskStore/outboxWrites()``); after a failure it waits out
/// ``SyncBackoff``, nudges or not, resumed from the queue's head after a restart. The pull
/// listens: it asks the centre to hold an empty answer up to `listen` seconds for a change, and
/// asks again at once after such an answer, so a change at the centre arrives within a second or
/// so; a centre that does not hold answers leaves the pull on `pullInterval`.
public struct SyncRunner<Link: CentreLink>: Sendable {
    public let engine: SyncEngine<Link>
    public let monitor: SyncMonitor
    public var drainInterval: Duration
    public var pullInterval: Duration
    /// Seconds the centre may hold a pull open for changes (0: poll on `pullInterval` only).
    public var listen: Int
    public var backoff: SyncBackoff
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let random: @Sendable () -> Double

    public init(
        engine: SyncEngine<Link>, monitor: SyncMonitor = SyncMonitor(), drainInterval: Duration = .seconds(1),
        pullInterval: Duration = .seconds(30), listen: Int = 25, backoff: SyncBackoff = SyncBackoff(),
        logger: Logger = Logger(label: "sskiosk.sync"),
        now: @escaping @Sendable () -> Date = Date.init,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.engine = engine
        self.monitor = monitor
        self.drainInterval = drainInterval
        self.pullInterval = pullInterval
        self.listen = listen
        self.backoff = backoff
        self.logger = logger
        self.now = now
        self.random = random
    }

    /// Runs both loops until the task is cancelled.
    public func run() async {
        let nudge = SyncNudge()
        await withDiscardingTaskGroup { group in
            group.addTask { for await _ in engine.store.outboxWrites() { nudge.nudge() } }
            group.addTask { await drainLoop(nudge) }
            group.addTask { await pullLoop() }
        }
    }

    private func drainLoop(_ nudge: SyncNudge) async {
        var failures = 0
        var wait = Duration.zero
        // The ledger head the centre holds, as the last drain learnt it; nil after a start, so
        // the first drain sends the head.
        var anchored: LedgerHead?
        if let head = try? await engine.store.pendingOutbox(limit: 1).first {
            failures = head.attempts
            wait = backoff.resumeDelay(attempts: head.attempts, lastAttemptAt: head.lastAttemptAt, now: now())
        }
        while !Task.isCancelled {
            // A failed attempt is itself an outbox write: only a working link is nudged.
            if failures == 0 {
                await nudge.pause(for: wait)
            } else {
                try? await Task.sleep(for: wait)
            }
            guard !Task.isCancelled else { return }
            do {
                let report = try await engine.drain(anchored: anchored)
                anchored = report.anchored
                if report.acknowledged + report.refused > 0 {
                    logger.info(
                        "outbox drained",
                        metadata: ["acknowledged": "\(report.acknowledged)", "refused": "\(report.refused)"])
                }
                failures = 0
                await monitor.pushed(at: now())
                wait = drainInterval
            } catch {
                guard !Task.isCancelled else { return }
                failures += 1
                wait = backoff.delay(afterFailures: failures, fraction: random())
                await monitor.pushFailed(error, failures: failures, next: now().addingTimeInterval(seconds(wait)))
                logger.warning(
                    "push to the centre failed", metadata: ["error": "\(error)", "retryIn": "\(wait)"])
            }
        }
    }

    private func pullLoop() async {
        var failures = 0
        var wait = Duration.zero
        while (try? await Task.sleep(for: wait)) != nil {
            do {
                if try await engine.store.referenceDataCursor() == nil { await monitor.firstLoadStarted() }
                let report = try await engine.pull(wait: listen)
                if report.firstLoad { logger.info("first load finished", metadata: ["pages": "\(report.pages)"]) }
                failures = 0
                await monitor.pulled(at: now())
                // After a first load the changes made while it streamed come at once, and the
                // listening starts.
                wait = report.listened || report.firstLoad ? .zero : pullInterval
            } catch {
                guard !Task.isCancelled else { return }
                failures += 1
                wait = backoff.delay(afterFailures: failures, fraction: random())
                await monitor.pullFailed(error, failures: failures)
                logger.warning(
                    "pull from the centre failed", metadata: ["error": "\(error)", "retryIn": "\(wait)"])
            }
        }
    }

    private func seconds(_ duration: Duration) -> TimeInterval { SyncBackoff.seconds(duration) }
}
