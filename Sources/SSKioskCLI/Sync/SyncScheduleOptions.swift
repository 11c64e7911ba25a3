import ArgumentParser

/// How often the terminal's sender goes to the centre, and how long it waits at most while the
/// centre cannot be reached (tests shorten it). Left out, the configuration file or the default
/// decides (``TerminalSettings``).
struct SyncScheduleOptions: ParsableArguments {
    @Option(help: "Seconds between drains of the outbox while the link works (default: 1).")
    var syncInterval: Double?

    @Option(help: "Seconds between pulls of changes from the centre (default: 30).")
    var pullInterval: Double?

    @Option(help: "Longest wait in seconds between attempts while the centre cannot be reached (default: 300).")
    var syncBackoffLimit: Double?

    @Option(
        help:
            "Seconds without a byte from the centre after which a request is given up (default: 60); a first load then resumes from its last page."
    )
    var centreReadTimeout: Double?
}
