import KioskCore
import ServiceLifecycle

/// The sync sender as a service of the terminal's `ServiceGroup`: runs until graceful shutdown,
/// which cancels the loops between calls to the centre (a push in flight is either answered or
/// goes again with the same keys).
public struct SyncService<Link: CentreLink>: Service {
    let runner: SyncRunner<Link>

    public init(runner: SyncRunner<Link>) { self.runner = runner }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await runner.run() }
    }
}
