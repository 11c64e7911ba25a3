import Foundation
import GRDB
import KioskCore
import Synchronization

/// Ledger-only entries (staff reads, sign-ins) committed together: each caller waits for the
/// durable commit that holds its entry, and entries that arrive while one commit is syncing go
/// into the next, in one transaction.
///
/// With `synchronous = FULL` every commit costs an fsync (about 4 ms on the rig's disk), and the
/// store has one writer: committing each staff read alone caps a desk at about 250 reads a second
/// and queues a hundred clerks' reads behind each other's fsyncs. Grouping keeps the promise (the
/// answer goes out only once its ledger entry is on disk) at one fsync per batch.
final class LedgerGroupCommit: Sendable {
    struct Entry: Sendable {
        var action: String
        var subject: LedgerSubject
        var principal: Principal
        var detail: String
        var at: Date
        var done: CheckedContinuation<Void, any Error>
    }

    private let pool: DatabasePool
    private let key: LedgerKey?
    /// Entries waiting for the next commit, and whether a commit loop is running.
    private let state = Mutex<(waiting: [Entry], committing: Bool)>(([], false))

    init(pool: DatabasePool, key: LedgerKey?) {
        self.pool = pool
        self.key = key
    }

    func log(_ action: String, subject: LedgerSubject, by principal: Principal, detail: String, at now: Date)
        async throws
    {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let entry = Entry(
                action: action, subject: subject, principal: principal, detail: detail, at: now, done: done)
            let leads = state.withLock { state in
                state.waiting.append(entry)
                defer { state.committing = true }
                return !state.committing
            }
            if leads { Task { await commitUntilEmpty() } }
        }
    }

    /// Commits what is waiting, then what arrived meanwhile, until nothing is left.
    private func commitUntilEmpty() async {
        while true {
            let batch = state.withLock { state in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.committing = false }
                return state.waiting
            }
            guard !batch.isEmpty else { return }
            do {
                try await pool.write { db in
                    for entry in batch {
                        try ChangeRecorder(db, at: entry.at, key: self.key).log(
                            entry.action, subject: entry.subject, by: entry.principal, detail: entry.detail)
                    }
                }
                for entry in batch { entry.done.resume() }
            } catch {
                for entry in batch { entry.done.resume(throwing: error) }
            }
        }
    }
}
