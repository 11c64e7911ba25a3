import Diagnostics
import Foundation
import Synchronization
import Testing

/// A check whose behaviour a test sets: its result, how long it takes, and whether it blocks a
/// thread (as a C call into a hung daemon does) or sleeps cooperatively.
struct ScriptedCheck: Check {
    var name: String
    var category = CheckCategory.readers
    var prerequisites: [String] = []
    var result: CheckResult
    var delay: Duration = .zero
    var blocksThread = false
    var runs: Runs? = nil

    /// Counts calls to `run()`, to tell a check that ran from one that was skipped.
    final class Runs: Sendable {
        let count = Mutex(0)
    }

    func run() async -> CheckResult {
        runs?.count.withLock { $0 += 1 }
        if blocksThread {
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
            await withCheckedContinuation { continuation in
                Thread {
                    Thread.sleep(forTimeInterval: seconds)
                    continuation.resume()
                }.start()
            }
        } else if delay > .zero {
            try? await Task.sleep(for: delay)
        }
        return result
    }
}

@Suite struct RunnerTests {
    @Test(arguments: [
        ([CheckStatus.pass, .pass], CheckStatus.pass, Int32(0)),
        ([.pass, .warn, .pass], .warn, 1),
        ([.warn, .fail, .pass], .fail, 2),
        ([.fail], .fail, 2),
    ])
    func theWorstResultDecidesStatusAndExitCode(statuses: [CheckStatus], worst: CheckStatus, exitCode: Int32) async {
        let checks = statuses.enumerated().map { index, status in
            ScriptedCheck(
                name: "check-\(index)",
                result: CheckResult(
                    status: status, cause: "cause \(index)", fix: status == .pass ? nil : "fix \(index)"))
        }
        let report = await DiagnosticsRunner(checks: checks).run()
        #expect(report.status == worst)
        #expect(report.exitCode == exitCode)
        #expect(report.checks.map(\.name) == checks.map(\.name))
        #expect(report.checks.map(\.status) == statuses)
    }

    @Test func aRunWithoutChecksPasses() async {
        let report = await DiagnosticsRunner(checks: []).run()
        #expect(report.exitCode == 0)
    }

    @Test func checksRunConcurrently() async {
        let checks = (0..<4).map { ScriptedCheck(name: "slow-\($0)", result: .pass("ok"), delay: .milliseconds(400)) }
        let start = ContinuousClock.now
        let report = await DiagnosticsRunner(checks: checks).run()
        let elapsed = ContinuousClock.now - start
        #expect(report.status == .pass)
        #expect(elapsed < .milliseconds(1200), "four 400 ms checks took \(elapsed): they ran one after another")
    }

    /// A thread stuck in a call to a frozen daemon cannot be interrupted; the report must not wait for it.
    @Test func aHungCheckIsReportedAfterTheTimeoutWithoutHoldingUpTheOthers() async {
        let checks: [any Check] = [
            ScriptedCheck(name: "hung", result: .pass("never seen"), delay: .seconds(10), blocksThread: true),
            ScriptedCheck(name: "quick", result: .pass("fine")),
        ]
        let start = ContinuousClock.now
        let report = await DiagnosticsRunner(checks: checks, timeout: .milliseconds(300)).run()
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(2), "the run waited \(elapsed) for a hung check")
        #expect(report["hung"]?.status == .fail)
        #expect(report["hung"]?.result.cause.contains("did not finish within 0.3 s") == true)
        #expect(report["hung"]?.result.fix != nil)
        #expect(report["quick"]?.status == .pass)
        #expect(report.exitCode == 2)
    }

    @Test func aCheckMayExplainItsOwnTimeout() async {
        struct Frozen: Check {
            let name = "frozen"
            let category = CheckCategory.readers
            func run() async -> CheckResult {
                try? await Task.sleep(for: .seconds(10))
                return .pass("woke up")
            }
            func timedOut(after limit: Duration) -> CheckResult {
                .fail("the daemon is hung", fix: "restart the daemon")
            }
        }
        let report = await DiagnosticsRunner(checks: [Frozen()], timeout: .milliseconds(100)).run()
        #expect(report["frozen"]?.result == .fail("the daemon is hung", fix: "restart the daemon"))
    }

    @Test func aCheckWhosePrerequisiteFailedIsNotRun() async {
        let runs = ScriptedCheck.Runs()
        let checks: [any Check] = [
            ScriptedCheck(name: "daemon", result: .fail("daemon down", fix: "start it")),
            ScriptedCheck(name: "card", prerequisites: ["daemon"], result: .pass("card fine"), runs: runs),
        ]
        let report = await DiagnosticsRunner(checks: checks).run()
        #expect(runs.count.withLock { $0 } == 0)
        #expect(report["card"]?.status == .fail)
        #expect(report["card"]?.result.cause == "not checked, because daemon failed")
        #expect(report["card"]?.result.fix == "Fix daemon first")
    }

    @Test func aChainOfSkippedChecksNamesTheFailureAtItsRoot() async {
        let checks: [any Check] = [
            ScriptedCheck(name: "daemon", result: .fail("daemon down", fix: "start it")),
            ScriptedCheck(name: "readers", prerequisites: ["daemon"], result: .pass("readers fine")),
            ScriptedCheck(name: "card", prerequisites: ["readers"], result: .pass("card fine")),
        ]
        let report = await DiagnosticsRunner(checks: checks).run()
        #expect(report["readers"]?.result.cause == "not checked, because daemon failed")
        #expect(report["card"]?.result.cause == "not checked, because daemon failed")
        #expect(report["card"]?.result.fix == "Fix daemon first")
    }

    @Test func aCheckWhosePrerequisiteWarnedStillRunsAfterIt() async {
        let runs = ScriptedCheck.Runs()
        let checks: [any Check] = [
            ScriptedCheck(
                name: "readers", result: .warn("one reader flaky", fix: "replug it"), delay: .milliseconds(200)),
            ScriptedCheck(name: "card", prerequisites: ["readers"], result: .pass("card fine"), runs: runs),
        ]
        let start = ContinuousClock.now
        let report = await DiagnosticsRunner(checks: checks).run()
        #expect(runs.count.withLock { $0 } == 1)
        #expect(report["card"]?.status == .pass)
        #expect(ContinuousClock.now - start >= .milliseconds(200), "card did not wait for readers")
    }
}
