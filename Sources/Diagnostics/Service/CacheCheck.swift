import Foundation
import KioskCore

/// The terminal's local cache (its SQLite file): integrity, the schema against this build's
/// migrations, the outbox backlog and its oldest entry, and when reference data last came from
/// the centre. The store reads the file (`read`, read-only: counts and times, no personal data);
/// this check only judges what it answers, so it knows no table of the store's.
struct CacheCheck: Check {
    var path: String
    /// The store's reading of a cache file.
    var read: @Sendable (String) throws(CacheFileError) -> CacheHealth
    var now: @Sendable () -> Date = Date.init
    let name = "cache"
    let category = CheckCategory.service

    /// An outbox entry older than this means the terminal has not been sending.
    static let staleOutbox: TimeInterval = 24 * 3600
    /// Reference data older than this is worth a warning.
    static let staleSync: TimeInterval = 7 * 24 * 3600

    private static let restore =
        "Stop the terminal service, keep the damaged file for support (sskiosk diag bundle), and restore the cache from the centre (a new first load)"

    func run() async -> CheckResult {
        guard FileManager.default.fileExists(atPath: path) else {
            return .fail(
                "the cache \(path) does not exist",
                fix: "Give the terminal's database with --database, or install the terminal",
                details: ["path": "\(path)"])
        }
        let health: CacheHealth
        do throws(CacheFileError) {
            health = try await BlockingWork.run { [path, read] () throws(CacheFileError) in try read(path) }
        } catch {
            return .fail(
                "the cache \(path) cannot be read: \(Self.describe(error))", fix: Self.restore,
                details: ["path": "\(path)"])
        }
        return judge(health)
    }

    /// The verdict on what the store read.
    func judge(_ health: CacheHealth) -> CheckResult {
        var details: [String: DetailValue] = ["path": "\(path)"]
        details["integrity"] = .list(health.integrity.prefix(5).map { .string($0) })
        guard health.isIntact else {
            return .fail(
                "the cache \(path) is damaged: \(health.integrity.first ?? "quick_check gave no answer")",
                fix: Self.restore, details: details)
        }
        let migrations = health.knownMigrations
        let schema = health.appliedMigrations.last ?? "none"
        details["schema"] = "\(schema)"
        details["schemaExpected"] = "\(migrations.last ?? "none")"
        details["outboxPending"] = .integer(health.outbox.pending)
        details["outboxNeedsReview"] = .integer(health.outbox.needsReview)
        let unknown = health.appliedMigrations.filter { !migrations.contains($0) }
        if !unknown.isEmpty {
            return .fail(
                "the cache's schema (\(schema)) is newer than this build knows: it was written by a later sskiosk",
                fix: "Install the sskiosk version that wrote it (or newer); do not run an older one on it",
                details: details)
        }
        if health.appliedMigrations.count < migrations.count {
            return .warn(
                "the cache's schema is at \(schema), this build's is \(migrations.last ?? "none")",
                fix: "Restart the terminal service: it upgrades the cache when it opens it", details: details)
        }
        var parts = ["intact", "schema \(schema)"]
        let today = now()
        var warnings: [(cause: String, fix: String)] = []
        if let oldest = health.outbox.oldestPendingAt {
            let age = today.timeIntervalSince(oldest)
            details["outboxOldestAgeSeconds"] = .number(age)
            parts.append(
                "\(health.outbox.pending) command(s) waiting for the centre, oldest \(TerminalServiceCheck.span(seconds: age)) old"
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
        if health.outbox.needsReview > 0 {
            parts.append("\(health.outbox.needsReview) refused command(s) need review")
            warnings.append(
                (
                    "\(health.outbox.needsReview) command(s) the centre refused wait for a supervisor",
                    "A supervisor reviews them at the desk (outbox review)"
                ))
        }
        if let lastSync = health.lastSync {
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

    private static func describe(_ error: CacheFileError) -> String {
        switch error.code {
        case .notADatabase: "it is not an SQLite database (overwritten or damaged)"
        case .damaged: "it is damaged (\(error.detail))"
        case .noAccess: "it cannot be opened by this user (permissions)"
        case .locked: "another process holds it locked"
        case .unreadable: error.detail
        }
    }
}
