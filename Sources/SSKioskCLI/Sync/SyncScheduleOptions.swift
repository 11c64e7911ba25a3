import ArgumentParser
import KioskCore

/// How often the terminal's sender goes to the centre, and how long it waits at most while the
/// centre cannot be reached (tests shorten it).
struct SyncScheduleOptions: ParsableArguments {
    @Option(help: "Seconds between drains of the outbox while the link works.")
    var syncInterval = 1.0

    @Option(help: "Seconds between pulls of changes from the centre.")
    var pullInterval = 30.0

    @Option(help: "Longest wait in seconds between attempts while the centre cannot be reached.")
    var syncBackoffLimit = 300.0

    func validate() throws {
        guard syncInterval > 0, pullInterval > 0, syncBackoffLimit >= 1 else {
            throw ValidationError("Sync intervals must be positive and the backoff limit at least 1 s.")
        }
    }

    var backoff: SyncBackoff { SyncBackoff(limit: .milliseconds(Int64(syncBackoffLimit * 1000))) }
    var drainInterval: Duration { .milliseconds(Int64(syncInterval * 1000)) }
    var pullEvery: Duration { .milliseconds(Int64(pullInterval * 1000)) }
}
