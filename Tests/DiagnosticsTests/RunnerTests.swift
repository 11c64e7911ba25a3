import Diagnostics
import Foundation
import Synchronization
import Testing

/// A check whose behaviour a test sets: its result, a cooperative delay, and what it waits for.
struct ScriptedCheck: Check {
    var name: String
    var category = CheckCategory.readers
    var prerequisites: [String] = []
    var result: CheckResult
    var delay: Duration = .zero
    /// Blocks a thread of its own until signalled, as a C call into a frozen daemon does.
    var blockedUntil: DispatchSemaphore? = nil
    /// Waits until every check sharing it has started.
    var rendezvous: Rendezvous? = nil
    var log: EventLog? = nil

    /// "start NAME" and "end NAME" in the order checks reach them.
    final class EventLog: Sendable {
        let events = Mutex<[String]>([])
        func add(_ event: String) { events.withLock { $0.append(event) } }
        var all: [String] { events.withLock { $0 } }
    }

    /// A meeting point for `count` checks: each arrives and waits for the others, for at most ten
    /// seconds, and says whether they all came. Checks run one after another never meet.
    final class Rendezvous: Sendable {
        let count: Int
        let arrived = Mutex(0)
        init(count: Int) { self.count = count }

        func arriveAndWait() async -> Bool {
            arrived.withLock { $0 += 1 }
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                if arrived.withLock({ $0 }) == count { return true }
                try? await Task.sleep(for: .milliseconds(5))
            }
            return false
        }
    }

    func run() async -> CheckResult {
        log?.add("start \(name)")
        defer { log?.add("end \(name)") }
        if let rendezvous, await !rendezvous.arriveAndWait() {
            return .fail("the other checks never started alongside this one", fix: "run checks concurrently")
        }
        if let blockedUntil {
            await withCheckedContinuation { continuation in
                Thread {
                    blockedUntil.wait()
                    continuation.resume()
                }.start()
            }
        }
        if delay > .zero { try? await Task.sleep(for: delay) }
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
        let rendezvous = ScriptedCheck.Rendezvous(count: 4)
        let checks = (0..<4).map { ScriptedCheck(name: "check-\($0)", result: .pass("ok"), rendezvous: rendezvous) }
        let report = await DiagnosticsRunner(checks: checks, timeout: .seconds(30)).run()
        #expect(report.checks.map(\.status) == [.pass, .pass, .pass, .pass], "\(report.checks.map(\.result.cause))")
    }

    /// A thread stuck in a call to a frozen daemon cannot be interrupted; the report must not wait
    /// for it. The check here stays blocked until after the report is in.
    @Test(.timeLimit(.minutes(1))) func aHungCheckIsReportedAfterTheTimeoutWithoutHoldingUpTheOthers() async {
        let frozen = DispatchSemaphore(value: 0)
        let log = ScriptedCheck.EventLog()
        let checks: [any Check] = [
            ScriptedCheck(name: "hung", result: .pass("never seen"), blockedUntil: frozen, log: log),
            ScriptedCheck(name: "quick", result: .pass("fine"), log: log),
        ]
        let report = await DiagnosticsRunner(checks: checks, timeout: .milliseconds(300)).run()
        #expect(!log.all.contains("end hung"), "the report waited for the hung check")
        frozen.signal()
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
        let log = ScriptedCheck.EventLog()
        let checks: [any Check] = [
            ScriptedCheck(name: "daemon", result: .fail("daemon down", fix: "start it"), log: log),
            ScriptedCheck(name: "card", prerequisites: ["daemon"], result: .pass("card fine"), log: log),
        ]
        let report = await DiagnosticsRunner(checks: checks).run()
        #expect(log.all == ["start daemon", "end daemon"])
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
        let log = ScriptedCheck.EventLog()
        let checks: [any Check] = [
            ScriptedCheck(
                name: "readers", result: .warn("one reader flaky", fix: "replug it"), delay: .milliseconds(50), log: log
            ),
            ScriptedCheck(name: "card", prerequisites: ["readers"], result: .pass("card fine"), log: log),
        ]
        let report = await DiagnosticsRunner(checks: checks).run()
        #expect(report["card"]?.status == .pass)
        #expect(log.all == ["start readers", "end readers", "start card", "end card"])
    }
}
