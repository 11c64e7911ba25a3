/// One thing a technician needs to know about the terminal, checked on demand.
///
/// Checks report what they find as a ``CheckResult`` instead of throwing: every failure has to
/// become a cause and a fix a person can act on. The ``DiagnosticsRunner`` runs checks
/// concurrently, each under a time limit, so a check may block on a hung daemon without
/// holding up the others; blocking C calls belong on their own threads (``BlockingWork``).
public protocol Check: Sendable {
    /// A short stable name (`pcscd`, `card`, ...), unique within a run; tools key on it.
    var name: String { get }
    var category: CheckCategory { get }
    /// Names of checks that must not fail before this one is worth running; they run first.
    var prerequisites: [String] { get }

    func run() async -> CheckResult

    /// What to report when ``run()`` has not finished after `limit`.
    func timedOut(after limit: Duration) -> CheckResult
}

extension Check {
    public var prerequisites: [String] { [] }

    public func timedOut(after limit: Duration) -> CheckResult {
        .fail(
            "\(name) did not finish within \(limit.formattedSeconds): something it waits on is hung",
            fix: "Run `sskiosk diag` again; if it hangs again, restart the terminal and report it to support"
        )
    }
}
