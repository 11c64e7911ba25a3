import Foundation
import Subprocess
import Synchronization

/// A child that runs until the test stops it: a server (`sskiosk serve`, `sskiosk centre serve`, a
/// test centre in Python), an event stream read by curl, a writer that a test SIGKILLs.
///
/// It runs inside swift-subprocess's closure-scoped `run` in a task of its own: the closure reads
/// the child's output until the child exits, and the handle sends signals through the execution
/// while the closure runs (a pidfd on Linux, so never to a recycled pid). Always ``stop(_:killAfter:)``
/// or ``kill()`` a background process, or use ``with(_:environment:in:output:_:)``: nothing stops
/// it when the handle goes away, as it could go away while the test still talks to the child.
/// The child starts with no signal blocked and every signal's default action (see `ChildCommand`),
/// so SIGTERM stops it although the test's thread blocks it.
package final class BackgroundProcess: Sendable {
    /// Where its standard output and standard error go.
    package enum Output: Sendable {
        /// Kept in memory, for ``standardOutput`` and ``standardError`` to read while it runs.
        case kept
        /// Both appended to the file at this path as they come; the file is made when missing.
        case file(String)
    }

    package let processIdentifier: pid_t
    private let shared: Shared
    private let task: Task<Termination, any Error>

    private init(processIdentifier: pid_t, shared: Shared, task: Task<Termination, any Error>) {
        self.processIdentifier = processIdentifier
        self.shared = shared
        self.task = task
    }

    /// Starts `argv` (an absolute path first) with no input, `environment` set over the tests' own,
    /// in `directory` (the tests' working directory when nil); returns once it has started.
    package static func start(
        _ argv: [String], environment: [String: String] = [:], in directory: String? = nil, output: Output = .kept
    ) async throws -> BackgroundProcess {
        let configuration = ChildCommand(argv: argv, environment: environment, directory: directory).configuration
        let shared = try Shared(output)
        let task = Task { () async throws -> Termination in
            do {
                let result = try await Subprocess.run(
                    configuration, input: .none, output: .sequence, error: .sequence
                ) { execution in
                    shared.started(execution)
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask { await shared.copy(execution.standardOutput, to: .output) }
                        group.addTask { await shared.copy(execution.standardError, to: .error) }
                    }
                    // The child closes both when it exits, but could close them and run on: until it
                    // has exited, keep the execution for the signals that stop it.
                    while !Self.hasExited(execution.processIdentifier.value) {
                        try? await Task.sleep(for: .milliseconds(10))
                    }
                    shared.exiting()
                }
                let termination = Termination(result.terminationStatus)
                shared.ended(.success(termination))
                return termination
            } catch {
                shared.ended(.failure(error))
                throw error
            }
        }
        let pid = try await shared.waitUntilStarted()
        return BackgroundProcess(processIdentifier: pid, shared: shared, task: task)
    }

    /// Runs `body` with `argv` started as ``start(_:environment:in:output:)`` starts it, and stops
    /// the child afterwards with ``stop(_:killAfter:)``, whether `body` returned or threw.
    package static func with<T>(
        _ argv: [String], environment: [String: String] = [:], in directory: String? = nil, output: Output = .kept,
        _ body: (BackgroundProcess) async throws -> T
    ) async throws -> T {
        let process = try await start(argv, environment: environment, in: directory, output: output)
        return try await withCleanup {
            try await body(process)
        } cleanup: {
            try await process.stop()
        }
    }

    /// Whether it has not ended yet.
    package var isRunning: Bool { shared.isRunning }

    /// What it has written to standard output so far, with ``Output/kept``.
    package var standardOutput: String { shared.text(.output) }
    /// What it has written to standard error so far, with ``Output/kept``.
    package var standardError: String { shared.text(.error) }

    /// Sends `signal` (SIGTERM unless told) and waits until the child has ended; one still running
    /// `grace` later gets SIGKILL. A child that had already ended is not signalled. Returns how it
    /// ended: `.signalled(SIGKILL)` after a SIGTERM means that it had to be killed.
    @discardableResult
    package func stop(_ signal: Int32 = SIGTERM, killAfter grace: Duration = .seconds(10)) async throws
        -> Termination
    {
        shared.send(signal)
        let deadline = ContinuousClock.now + grace
        while shared.isRunning, ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                break
            }
        }
        if shared.isRunning { shared.send(SIGKILL) }
        return try await task.value
    }

    /// SIGKILL, as a power cut or an OOM kill would end it: no handler runs. Returns once it has ended.
    @discardableResult
    package func kill() async throws -> Termination {
        try await stop(SIGKILL)
    }

    /// Whether `pid`, a child not yet reaped, has exited. WNOWAIT leaves it a zombie for
    /// swift-subprocess to reap.
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == -1 {
            if errno != EINTR { return true }
        }
        return info._sifields._sigchld.si_pid != 0
    }
}

extension BackgroundProcess {
    fileprivate enum Stream {
        case output, error
    }

    /// What the handle and the task running the child share.
    fileprivate final class Shared: Sendable {
        typealias Running = Execution<NoInput, SequenceOutput, SequenceOutput>

        enum Start {
            case waiting(CheckedContinuation<pid_t, any Error>?)
            case started(pid_t)
            case failed(any Error)
        }

        struct State {
            var start = Start.waiting(nil)
            /// While the child has not exited: what signals go through.
            var execution: Running?
            var ended: Result<Termination, any Error>?
            var output: [UInt8] = []
            var error: [UInt8] = []
        }

        private let state = Mutex(State())
        /// The file both streams go to, with ``Output/file(_:)``; written under the state's lock.
        private let log: FileHandle?

        init(_ output: Output) throws {
            switch output {
            case .kept:
                log = nil
            case .file(let path):
                if !FileManager.default.fileExists(atPath: path) {
                    _ = FileManager.default.createFile(atPath: path, contents: nil)
                }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.seekToEnd()
                log = handle
            }
        }

        func started(_ execution: Running) {
            state.withLock { state in
                state.execution = execution
                if case .waiting(let waiter) = state.start {
                    waiter?.resume(returning: execution.processIdentifier.value)
                }
                state.start = .started(execution.processIdentifier.value)
            }
        }

        func waitUntilStarted() async throws -> pid_t {
            try await withCheckedThrowingContinuation { continuation in
                state.withLock { state in
                    switch state.start {
                    case .waiting: state.start = .waiting(continuation)
                    case .started(let pid): continuation.resume(returning: pid)
                    case .failed(let error): continuation.resume(throwing: error)
                    }
                }
            }
        }

        func copy(_ sequence: SubprocessOutputSequence, to stream: Stream) async {
            do {
                for try await buffer in sequence {
                    let bytes = buffer.withUnsafeBytes { Array($0) }
                    state.withLock { state in
                        if let log {
                            try? log.write(contentsOf: bytes)
                        } else if stream == .output {
                            state.output += bytes
                        } else {
                            state.error += bytes
                        }
                    }
                }
            } catch {
                // The child's end of the pipe is gone; nothing more will come.
            }
        }

        /// The child has exited: swift-subprocess reaps it next, and no signal may follow.
        func exiting() {
            state.withLock { $0.execution = nil }
        }

        func ended(_ result: Result<Termination, any Error>) {
            state.withLock { state in
                state.execution = nil
                state.ended = result
                if case .waiting(let waiter) = state.start, case .failure(let error) = result {
                    waiter?.resume(throwing: error)
                    state.start = .failed(error)
                }
            }
            try? log?.close()
        }

        var isRunning: Bool { state.withLock { $0.ended == nil } }

        func send(_ signal: Int32) {
            state.withLock { state in
                try? state.execution?.send(signal: Signal(rawValue: signal))
            }
        }

        func text(_ stream: Stream) -> String {
            state.withLock { String(decoding: stream == .output ? $0.output : $0.error, as: UTF8.self) }
        }
    }
}
