import GRDB
import KioskCore

/// The single row of `terminal`: which terminal this is and the area it serves.
struct TerminalRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "terminal"

    /// Always 1: the table has one row.
    var id = 1
    var terminalID: String
    var jurisdiction: String
    var name: String

    init(_ terminal: TerminalIdentity) {
        terminalID = terminal.terminalID
        jurisdiction = terminal.jurisdiction.regionPrefix
        name = terminal.name
    }

    func identity() throws(KioskError) -> TerminalIdentity {
        TerminalIdentity(terminalID: terminalID, jurisdiction: try Jurisdiction(jurisdiction), name: name)
    }
}
