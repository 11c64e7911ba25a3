import Foundation
import GRDB

/// The terminal's local cache (its SQLite file), opened read-only: integrity (quick_check), the
/// schema against this build's migrations, the outbox backlog and its oldest entry, and when
/// reference data last came from the centre. Reads counts and times only, no personal data.
struct CacheCheck: Check {
    var path: String
    /// This build's migrations, oldest first.
    var migrations: [String]
    var now: @Sendable () -> Date = Date.init
    let name = "cache"
    let category = CheckCategory.service

    /// An outbox entry older than this means the terminal has not been sending.
    static let staleOutbox: TimeInterval = 24 * 3600
    /// Reference data older than this is worth a warning.
    static let staleSync: TimeInterval = 7 * 24 * 3600

    private static let restore =
        "Stop the terminal service, keep the damaged file for support (sskiosk diag bundle), and restore the cache from the centre (a new first load)"

    struct Findings: Sendable {
        var integrity: [String]
        var applied: [String]
        var pending: Int
        var needsReview: Int
        var oldestPending: Date?
        var lastSync: Date?
    }

    func run() async -> CheckResult {
        var details: [String: DetailValue] = ["path": "\(path)"]
        guard FileManager.default.fileExists(atPath: path) else {
            return .fail(
                "the cache \(path) does not exist",
                fix: "Give the terminal's database with --database, or install the terminal",
                details: details)
        }
        let findings: Findings
        do {
            findings = try await BlockingWork.run { [path] in try Self.read(path) }
        } catch {
            return .fail(
                "the cache \(path) cannot be read: \(Self.describe(error))", fix: Self.restore, details: details)
        }
        details["integrity"] = .list(findings.integrity.prefix(5).map { .string($0) })
        guard findings.integrity == ["ok"] else {
            return .fail(
                "the cache \(path) is damaged: \(findings.integrity.first ?? "quick_check gave no answer")",
                fix: Self.restore, details: details)
        }
        let schema = findings.applied.last ?? "none"
        details["schema"] = "\(schema)"
        details["schemaExpected"] = "\(migrations.last ?? "none")"
        details["outboxPending"] = .integer(findings.pending)
        details["outboxNeedsReview"] = .integer(findings.needsReview)
        let unknown = findings.applied.filter { !migrations.contains($0) }
        if !unknown.isEmpty {
            return .fail(
                "the cache's schema (\(schema)) is newer than this build knows: it was written by a later sskiosk",
                fix: "Install the sskiosk version that wrote it (or newer); do not run an older one on it",
                details: details)
        }
        if findings.applied.count < migrations.count {
            return .warn(
                "the cache's schema is at \(schema), this build's is \(migrations.last ?? "none")",
                fix: "Restart the terminal service: it upgrades the cache when it opens it", details: details)
        }
        var parts = ["intact", "schema \(schema)"]
        let today = now()
        var warnings: [(cause: String, fix: String)] = []
        if let oldest = findings.oldestPending {
            let age = today.timeIntervalSince(oldest)
            details["outboxOldestAgeSeconds"] = .number(age)
            parts.append(
                "\(findings.pending) command(s) waiting for the centre, oldest \(TerminalServiceCheck.span(seconds: age)) old"
            )
            if age > Self.staleOutbox {
                warnings.append(
                    (
                        "the oldest outbox command has waited \(TerminalServiceCheck.span(seconds: age))",
                        "Check the link to the centre (the centre rows below); the sender retries by itself once it is back"
                    ))
            }
        } else {
            parts.append("outbox empty")
        }
        if findings.needsReview > 0 {
            parts.append("\(findings.needsReview) refused command(s) need review")
            warnings.append(
                (
                    "\(findings.needsReview) command(s) the centre refused wait for a supervisor",
                    "A supervisor reviews them at the desk (outbox review)"
                ))
        }
        if let lastSync = findings.lastSync {
            let age = today.timeIntervalSince(lastSync)
            details["lastSyncAgeSeconds"] = .number(age)
            parts.append("last sync \(TerminalServiceCheck.span(seconds: age)) ago")
            if age > Self.staleSync {
                warnings.append(
                    (
                        "reference data last came from the centre \(TerminalServiceCheck.span(seconds: age)) ago",
                        "Check the link to the centre; the next sync catches up"
                    ))
            }
        } else {
            details["lastSyncAgeSeconds"] = "never"
            parts.append("never synced")
            warnings.append(
                (
                    "the cache has never synced with the centre",
                    "Connect the terminal to the centre for its first load of reference data"
                ))
        }
        let summary = parts.joined(separator: ", ")
        if let first = warnings.first {
            return .warn("\(first.cause) (\(summary))", fix: first.fix, details: details)
        }
        return .pass(summary, details: details)
    }

    /// Everything the check needs, in one read-only connection. `immutable` is not used: the
    /// service may be writing while a technician looks.
    private static func read(_ path: String) throws -> Findings {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(2)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard integrity == ["ok"] else {
                return Findings(integrity: integrity, applied: [], pending: 0, needsReview: 0)
            }
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            let applied =
                tables.contains("grdb_migrations")
                ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") : []
            var findings = Findings(integrity: integrity, applied: applied, pending: 0, needsReview: 0)
            if tables.contains("outbox") {
                findings.pending =
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE status = 'pending'") ?? 0
                findings.needsReview =
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE status = 'needs-review'") ?? 0
                findings.oldestPending = try Int64.fetchOne(
                    db, sql: "SELECT min(createdAt) FROM outbox WHERE status = 'pending'"
                ).map(Self.date(milliseconds:))
            }
            if tables.contains("cacheState") {
                findings.lastSync = try Int64.fetchOne(db, sql: "SELECT asOf FROM cacheState").map(
                    Self.date(milliseconds:))
            }
            return findings
        }
    }

    private static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        switch error.resultCode {
        case .SQLITE_NOTADB: return "it is not an SQLite database (overwritten or damaged)"
        case .SQLITE_CORRUPT: return "it is damaged (\(error.message ?? "corrupt"))"
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return "it cannot be opened by this user (permissions)"
        case .SQLITE_BUSY: return "another process holds it locked"
        default: return error.message ?? "\(error.resultCode)"
        }
    }
}
