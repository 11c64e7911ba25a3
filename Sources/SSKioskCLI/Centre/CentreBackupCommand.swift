import ArgumentParser
import Centre
import Foundation

/// A consistent copy of a SQLite centre, taken while it serves (for cron, copied off the machine
/// after). A PostgreSQL centre is backed up by PostgreSQL's own tools (docs/SCALE.md).
struct CentreBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite centre's database to a file while it serves; the copy is checked before it is kept.")

    @Option(help: "The centre's SQLite database (default: \(CentreStoreOptions.standardDatabase)).")
    var database: String = CentreStoreOptions.standardDatabase

    @Option(help: "The backup file to write; one already there is replaced only by a complete, checked copy.")
    var to: String

    func run() throws {
        try SQLiteCentreBackup.backup(database, to: to)
        StandardError.write("backed up \(database) to \(to)\n")
    }
}
