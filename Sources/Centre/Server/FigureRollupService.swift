import Foundation
import Logging
import ServiceLifecycle

/// Keeps the figures' rollup up with the records as they change (``CentreStore/refreshFigures()``):
/// every few seconds it counts again the regions that pushes, batches and removals touched, so
/// that the console's read seldom finds any left to count. A failed round is logged and tried at
/// the next.
struct FigureRollupService: Service {
    let store: any CentreStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let started = ContinuousClock.now
                    let regions = try await store.refreshFigures()
                    if regions > 0 {
                        let milliseconds = Int((ContinuousClock.now - started) / .milliseconds(1))
                        logger.info(
                            "figures counted again",
                            metadata: ["regions": "\(regions)", "milliseconds": "\(milliseconds)"])
                    }
                } catch {
                    logger.warning("figures not counted again; trying later", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
