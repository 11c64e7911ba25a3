import Foundation
import Glibc

/// The kernel's view of a thread, from /proc: what the tests of ``CardThread`` check, rather than
/// anything the type reports about itself.
struct KernelThread: Hashable {
    /// The thread's ID within the process (its directory under /proc/self/task).
    let id: String
    /// Its name as the kernel keeps it (comm), at most 15 bytes.
    let name: String

    /// The thread running the caller.
    static func current() throws -> KernelThread {
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")
        let name = try String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)
        return KernelThread(
            id: String(link.split(separator: "/").last ?? ""), name: name.trimmingCharacters(in: .newlines))
    }

    /// Whether the thread still exists.
    var isAlive: Bool { access("/proc/self/task/\(id)", F_OK) == 0 }

    /// Waits up to `timeout` for the thread to end; whether it did.
    func ends(within timeout: Duration = .seconds(5)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while isAlive && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        return !isAlive
    }
}
