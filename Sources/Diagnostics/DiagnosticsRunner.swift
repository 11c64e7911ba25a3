import Synchronization

/// Runs checks concurrently, each under a time limit, and collects their results.
///
/// A check starts as soon as its prerequisites have finished; if one of them failed, the check is
/// not run and reports that instead, so the report points at the first cause rather than at
/// everything downstream of it. A check that outlives the time limit is reported as hung and left
/// behind: a thread stuck in a call to a frozen daemon cannot be interrupted, but it no longer
/// holds up the report.
public struct DiagnosticsRunner: Sendable {
    public var checks: [any Check]
    /// The longest any one check may take.
    public var timeout: Duration

    /// `checks` must have unique names, and each prerequisite must come earlier in the list.
    public init(checks: [any Check], timeout: Duration = .seconds(4)) {
        self.checks = checks
        self.timeout = timeout
    }

    public func run() async -> DiagnosticsReport {
        let clock = ContinuousClock()
        let start = clock.now
        let timeout = self.timeout
        var started: [String: Task<Outcome, Never>] = [:]
        var inOrder: [Task<Outcome, Never>] = []
        for check in checks {
            precondition(started[check.name] == nil, "two checks are called \(check.name)")
            let prerequisites = check.prerequisites.map { name in
                guard let task = started[name] else {
                    preconditionFailure("\(check.name) needs \(name), which is not earlier in the list of checks")
                }
                return (name, task)
            }
            let task = Task {
                for (name, prerequisite) in prerequisites {
                    let outcome = await prerequisite.value
                    guard outcome.report.status == .fail else { continue }
                    // Name the failure at the root, not a check that was itself skipped because of it.
                    let root = outcome.skippedBecause ?? name
                    let result = CheckResult.fail("not checked, because \(root) failed", fix: "Fix \(root) first")
                    return Outcome(
                        report: CheckReport(
                            name: check.name, category: check.category, result: result, durationMilliseconds: 0),
                        skippedBecause: root)
                }
                let begin = clock.now
                let result = await Self.run(check, timeout: timeout)
                return Outcome(
                    report: CheckReport(
                        name: check.name, category: check.category, result: result,
                        durationMilliseconds: (clock.now - begin).milliseconds),
                    skippedBecause: nil)
            }
            started[check.name] = task
            inOrder.append(task)
        }
        var reports: [CheckReport] = []
        for task in inOrder { reports.append(await task.value.report) }
        return DiagnosticsReport(checks: reports, durationMilliseconds: (clock.now - start).milliseconds)
    }

    /// A check's report, and the failed check it was skipped for, if it was.
    private struct Outcome: Sendable {
        var report: CheckReport
        var skippedBecause: String?
    }

    /// The check's result, or its time-out result if `timeout` passes first.
    private static func run(_ check: any Check, timeout: Duration) async -> CheckResult {
        await withCheckedContinuation { continuation in
            let gate = FirstResult(continuation)
            let timer = Task {
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled { gate.deliver(check.timedOut(after: timeout)) }
            }
            Task {
                let result = await check.run()
                timer.cancel()
                gate.deliver(result)
            }
        }
    }
}

/// Resumes a continuation with whichever result arrives first and ignores the other.
private final class FirstResult: Sendable {
    private let continuation: Mutex<CheckedContinuation<CheckResult, Never>?>

    init(_ continuation: CheckedContinuation<CheckResult, Never>) {
        self.continuation = Mutex(continuation)
    }

    func deliver(_ result: CheckResult) {
        continuation.withLock { pending in
            pending?.resume(returning: result)
            pending = nil
        }
    }
}
