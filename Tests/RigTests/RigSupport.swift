import CardSimulator
import Foundation
import Printing
import SmartCard
import Synchronization
import TestSupport
import Testing

/// Access to the virtual rig (hardware/rig/rig) for tests that go through the real pcscd.
enum Rig {
    static let reader0 = "Virtual PCD 00 00"
    static let reader1 = "Virtual PCD 00 01"
    static let slot0Port = 35963
    static let slot1Port = 35964

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hardware/rig/rig").path

    /// Whether the rig is up. With CI=true a missing rig is a recorded failure; locally the test
    /// is skipped with a loud message, never silently.
    static func isUp(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let readers = (try? PCSCContext().readers()) ?? []
        if readers.contains(reader0) && readers.contains(reader1) { return true }
        let message =
            "THE VIRTUAL RIG IS NOT UP (pcscd with two vpcd readers): run `hardware/rig/rig up`. Readers seen: \(readers)"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            print("\n*** SKIPPED: \(message)\n")
        }
        return false
    }

    /// Runs the rig script with `arguments`, failing the test if it fails; returns its output.
    @discardableResult
    static func run(_ arguments: String...) async throws -> String {
        let result = try await CommandRun.run(["/bin/bash", script] + arguments)
        guard result.status == 0 else {
            throw RigFailure(description: "rig \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    /// The `sskiosk` built with these tests, or `SSKIOSK_BIN`.
    static var sskiosk: String {
        ProcessInfo.processInfo.environment["SSKIOSK_BIN"] ?? BuildFolder.executable("sskiosk")
    }
}

extension Rig {
    /// A part of the rig that a test may break on purpose.
    enum Part: String {
        case readers, printers
    }

    /// Runs `body`, which breaks `part` of the rig (kills pcscd or cupsd, say), then restores the
    /// part and checks that it answers again, whether `body` succeeded or threw. A restore that fails
    /// fails the test with what the rig said: a part left down would fail every later test instead.
    static func restoring<T>(
        _ part: Part, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
    ) async throws -> T {
        try await withCleanup(body) {
            do {
                try await restore(part)
            } catch {
                Issue.record(error, "the rig's \(part.rawValue) could not be restored", sourceLocation: sourceLocation)
                throw error
            }
        }
    }

    /// Brings `part` back and waits until it answers: the readers with both slots empty (`rig up`
    /// also puts the rig's own cards in, and vpcd serves one card per slot), the printers with
    /// cupsd taking jobs on every queue again.
    static func restore(_ part: Part) async throws {
        switch part {
        case .readers:
            try await run("up", "readers")
            try await run("card", "remove", "0")
            try await run("card", "remove", "1")
            guard isUp() else { throw RigFailure(description: "pcscd is back but does not list both readers") }
        case .printers:
            try await run("up", "printers")
            let service = CUPSPrintService(timeout: .seconds(5))
            try await eventually(timeout: .seconds(20), "cupsd to take jobs on every rig queue again") {
                guard let queues = try? await service.queues() else { return false }
                return [a4, card, receipt].allSatisfy { printer in
                    queues.contains { $0.name == printer.queue && $0.status.isAcceptingJobs }
                }
            }
        }
    }
}

struct RigFailure: Error, CustomStringConvertible {
    let description: String
}

/// Polls `condition` until it holds or `timeout` passes; the rig's events take tens of milliseconds.
func eventually(
    timeout: Duration = .seconds(10),
    _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("timed out after \(timeout) waiting for: \(what)", sourceLocation: sourceLocation)
    throw RigFailure(description: "timed out waiting for \(what)")
}

/// Collects a ``ReaderMonitor``'s events in the background, for tests to wait on.
final class EventRecorder: Sendable {
    private final class Log: Sendable {
        let events = Mutex<[ReaderEvent]>([])
    }

    private let log = Log()
    private let task: Task<Void, Never>

    init(
        _ monitor: ReaderMonitor = ReaderMonitor(
            backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(500)))
    ) {
        let log = self.log
        task = Task {
            for await event in monitor { log.events.withLock { $0.append(event) } }
        }
    }

    deinit { task.cancel() }

    var all: [ReaderEvent] { log.events.withLock { $0 } }

    /// Waits until an event after position `start` matches `predicate`, and returns its position.
    @discardableResult
    func wait(
        after start: Int = 0, for what: String, timeout: Duration = .seconds(10),
        sourceLocation: SourceLocation = #_sourceLocation,
        _ predicate: @escaping (ReaderEvent) -> Bool
    ) async throws -> Int {
        var found: Int?
        try await eventually(
            timeout: timeout, "\(what); events so far: \(all)", sourceLocation: sourceLocation
        ) {
            let snapshot = all
            found = snapshot.indices.first { $0 >= start && predicate(snapshot[$0]) }
            return found != nil
        }
        return found!
    }

    func stop() { task.cancel() }
}

/// Every test that uses the rig runs in here, one at a time: they share two reader slots and one pcscd.
@Suite(.serialized) struct RigTests {}

extension Rig {
    /// Runs `body` with `card` in `slot` (0 or 1) and a connection to it; the card is pulled
    /// afterwards, also when `body` throws, and the reader is empty again before the next test starts.
    @discardableResult
    static func withCard<T>(
        _ card: some VirtualCard = TestCard(),
        slot: Int = 0,
        faults: FaultPlan = .none,
        _ body: (InsertedCard, CardConnection) async throws -> T
    ) async throws -> T {
        let reader = slot == 0 ? reader0 : reader1
        let inserted = try await InsertedCard.insert(card, port: slot == 0 ? slot0Port : slot1Port, faults: faults)
        return try await withCleanup {
            try await body(inserted, try await connectWhenPresent(reader))
        } cleanup: {
            await inserted.remove()
            try await waitUntilEmpty(reader)
        }
    }

    /// Waits until pcscd has noticed that `reader`'s card is gone (pulled by a test or a fault plan).
    static func waitUntilEmpty(_ reader: String) async throws {
        try await eventually("\(reader) to be empty again") {
            do {
                _ = try await PCSCContext().connect(reader: reader)
                return false
            } catch {
                return (error as? SmartCardError) == .noCard
            }
        }
    }

    /// Connects to the card in `reader` once pcscd has noticed it (it polls vpcd every few hundred ms).
    static func connectWhenPresent(_ reader: String, context: PCSCContext? = nil) async throws
        -> CardConnection
    {
        let context = try context ?? PCSCContext()
        var card: CardConnection?
        try await eventually("a card in \(reader)") {
            card = try? await context.connect(reader: reader)
            return card != nil
        }
        return try #require(card)
    }
}
