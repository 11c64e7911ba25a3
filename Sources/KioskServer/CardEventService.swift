import Foundation
import Logging
import ServiceLifecycle
import SmartCard

/// Feeds pcscd's reader and card events to the kiosk session, and the clock's ticks for the idle
/// timeout. Runs for as long as the service does.
struct CardEventService: Service {
    let controller: KioskSessionController
    let logger: Logger

    func run() async throws {
        // Cancelling on graceful shutdown ends both loops: the monitor stops its blocking wait.
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in ReaderMonitor(logger: logger) {
                        await controller.handle(event)
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(1))
                        await controller.tick(at: Date())
                    }
                }
            }
        }
    }
}
