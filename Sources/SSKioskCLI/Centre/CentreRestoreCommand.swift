import ArgumentParser
import Centre
import Foundation

/// Puts a backup in place of a stopped SQLite centre's database, keeping the database it replaces.
struct CentreRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore the SQLite centre's database from a backup; the centre must be stopped.",
        discussion: """
            The backup is checked first (SQLite's integrity check, a centre schema this version knows). The \
            database it replaces is kept beside it as DATABASE.replaced-TIME. Terminals that pulled past the \
            backup are ahead of the restored centre (docs/SCALE.md, Backup and restore).
            """)

    @Option(help: "The centre's SQLite database (default: \(CentreStoreOptions.standardDatabase)).")
    var database: String = CentreStoreOptions.standardDatabase

    @Option(help: "The backup file, as `centre backup --to` wrote it.")
    var from: String

    func run() throws {
        let kept = try SQLiteCentreBackup.restore(from, to: database)
        StandardError.write("restored \(database) from \(from)\n")
        if let kept { StandardError.write("the database it replaced is kept as \(kept)\n") }
    }
}
