import ArgumentParser
import SmartCard

/// Prints reader and card events as they happen, until interrupted or `--count` events are seen.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Watch readers and cards come and go.")

    @Option(help: "Stop after this many events.")
    var count: Int?

    func run() async throws {
        var seen = 0
        for await event in ReaderMonitor() {
            print(event)
            seen += 1
            if let count, seen >= count { return }
        }
    }
}
