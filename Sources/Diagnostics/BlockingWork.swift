import Foundation

/// Runs a blocking call on a thread of its own.
///
/// Not on the cooperative pool, whose few threads the runner's timers need, and not on a shared
/// pool either: a hung pcscd blocks every call made to it, and a diagnostics run must still be
/// able to report that. A thread per call is cheap at the handful of calls a run makes.
enum BlockingWork {
    static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(E) -> T in try body() })
            }
            thread.name = "sskiosk.diagnostics"
            thread.start()
        }
        return try result.get()
    }
}
