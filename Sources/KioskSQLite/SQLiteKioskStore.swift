import Foundation
import GRDB
import KioskCore

/// The terminal's store on SQLite: the cache of its area's reference data, its applications and
/// cards, the outbox for the centre and the hash-chained ledger, in one database file.
///
/// A `DatabasePool` in WAL mode: one writer, concurrent readers that see committed snapshots, so a
/// long `ledger verify` or a township's first load never stalls the queries a kiosk answers.
/// Foreign keys are on. Every write that matters is one transaction (domain row, outbox entry,
/// ledger entry) and is durable when the call returns:
///
/// `synchronous = FULL`, not GRDB's WAL default of NORMAL. NORMAL already survives the process
/// being killed (a commit is in the WAL through `write(2)`, which the kernel keeps), but a power
/// cut can lose the last commits, which would break the promise that an acknowledged write (a
/// loss report a resident was told is recorded) survives. FULL syncs the WAL on each commit; at a
/// desk's pace of writes, and once per page of a bulk load, that fsync costs nothing anyone sees.
///
/// The ledger's chain is sealed with a ``LedgerKey`` kept outside the database: the terminal
/// service opens its store with the key; a tool that only reads or syncs (`sync status`, `sync now`)
/// may open it without, and then any write that needs a ledger entry fails.
public struct SQLiteKioskStore: KioskStore {
    let pool: DatabasePool
    let ledgerKey: LedgerKey?
    let ledgerCommits: LedgerGroupCommit

    /// Opens (creating if needed) the store at `path` and brings its schema up to date. With a key,
    /// a ledger from before the key is sealed under it now, and a key that is not the one the
    /// ledger is sealed with is refused (``LedgerKeyError/mismatch``) before anything is written.
    public init(path: String, ledgerKey: LedgerKey?) throws {
        try Self.keepPrivate(path)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process (the `ledger verify` command, an installer) may hold the write lock briefly.
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            // After the pool is open: GRDB sets NORMAL on the writer when it switches to WAL.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 32 MiB of page cache for the writer alone: a bulk load goes through the upper levels of
            // big b-trees on every row.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        try StoreSchema.migrator.migrate(pool)
        if let ledgerKey { try pool.write { db in try Self.seal(db, key: ledgerKey) } }
        self.ledgerKey = ledgerKey
        ledgerCommits = LedgerGroupCommit(pool: pool, key: ledgerKey)
    }

    /// Makes the database file the owner's alone (0600) before SQLite opens it, whatever the
    /// umask, and tightens one left readable by others: it holds the township's residents. SQLite
    /// gives its -wal and -shm files the database file's mode.
    ///
    /// An existing file is changed by its path only, never opened: closing a descriptor of a
    /// database drops every POSIX lock this process holds on it, including those of another store
    /// open on the same file, and SQLite's locking would no longer protect it.
    private static func keepPrivate(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { close(descriptor) }
            return
        }
        if status.st_mode & 0o077 != 0 { _ = chmod(path, status.st_mode & 0o700) }
    }

    // MARK: The terminal

    public func terminal() async throws -> TerminalIdentity? {
        try await pool.read { db in try TerminalRow.fetchOne(db)?.identity() }
    }

    public func setTerminal(_ terminal: TerminalIdentity) async throws {
        try await pool.write { db in try TerminalRow(terminal).save(db) }
    }
}
