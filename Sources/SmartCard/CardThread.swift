import Dispatch
import Foundation
import Glibc
import Synchronization

/// The one thread of a ``CardConnection``: it runs the connection's blocking PC/SC calls, and the
/// code of any task that prefers it as its executor, off Swift's cooperative pool.
///
/// A card operation run under `withTaskExecutorPreference(connection.taskExecutor)` keeps to this
/// thread from its first APDU to its last: each transmit blocks here, where blocking costs no one,
/// instead of switching to a pool thread and back, which on a loaded machine costs more than the
/// round trip to pcscd itself. Calls from anywhere else switch to it once per call.
///
/// The thread ends after ``stop()`` once the jobs it already holds have run. A job that still
/// arrives then (a task that kept its preference past the disconnect) runs on the global
/// concurrent executor rather than waiting for a thread that is gone.
final class CardThread: TaskExecutor {
    private struct State {
        var jobs: [UnownedJob] = []
        var stopping = false
        var ended = false
    }

    private let state = Mutex(State())
    /// Signalled once per job and once by ``stop()``; the thread sleeps on it when it has nothing to do.
    private let wakeUp = DispatchSemaphore(value: 0)
    /// The thread's `pthread_self()` while it runs, 0 before it starts and after it ends.
    private let owner = Atomic<UInt>(0)

    /// Starts the thread.
    init() {
        Thread { [self] in work() }.start()
    }

    /// Whether the caller is running on this thread now.
    var isCurrent: Bool { owner.load(ordering: .acquiring) == pthread_self() }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let accepted = state.withLock { state in
            guard !state.ended else { return false }
            state.jobs.append(job)
            return true
        }
        if accepted { wakeUp.signal() } else { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
    }

    /// Runs `body` on this thread: at once when the caller is already here, else after one switch.
    func run<T: Sendable>(_ body: @Sendable () throws(SmartCardError) -> T) async throws(SmartCardError) -> T {
        if isCurrent { return try body() }
        return try await withTaskExecutorPreference(self) { () async throws(SmartCardError) -> T in
            try await Self.runHere(body)
        }
    }

    /// `@concurrent`, so it runs on the preferred executor whatever the caller's isolation.
    @concurrent
    private static func runHere<T: Sendable>(_ body: @Sendable () throws(SmartCardError) -> T)
        async throws(SmartCardError) -> T
    {
        try body()
    }

    /// Lets the thread end once its queued jobs have run. Calling it again does nothing.
    func stop() {
        let first = state.withLock { state in
            defer { state.stopping = true }
            return !state.stopping
        }
        if first { wakeUp.signal() }
    }

    private func work() {
        Self.nameInKernel("sskiosk.card")
        owner.store(pthread_self(), ordering: .releasing)
        while let jobs = nextJobs() {
            for job in jobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
        owner.store(0, ordering: .releasing)
    }

    /// Names the calling thread where `ps` and /proc show it. Foundation's `Thread.name` reaches the
    /// kernel only when the `Thread` already holds its pthread handle, which races with `start()`:
    /// when the race is lost the thread keeps its creator's name (a cooperative pool thread's). Glibc's
    /// `pthread_setname_np` is not visible to Swift, so the name is written where it would write it.
    private static func nameInKernel(_ name: String) {
        let comm = open("/proc/thread-self/comm", O_WRONLY)
        guard comm >= 0 else { return }
        defer { close(comm) }
        _ = name.utf8CString.withUnsafeBufferPointer { write(comm, $0.baseAddress, $0.count - 1) }
    }

    /// The jobs queued since the last call, after waiting for one; nil when the thread is to end.
    private func nextJobs() -> [UnownedJob]? {
        wakeUp.wait()
        return state.withLock { state in
            if state.jobs.isEmpty {
                state.ended = state.stopping
                return state.ended ? nil : []
            }
            defer { state.jobs.removeAll(keepingCapacity: true) }
            return state.jobs
        }
    }
}
