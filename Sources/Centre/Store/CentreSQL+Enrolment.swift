import Foundation
import KioskCore

extension CentreSQL {
    /// The row of a table keyed by one column, locked on PostgreSQL to the end of the transaction so
    /// that two writers of it (two enrolments with one code, say) go one after the other; SQLite's
    /// one writer does that by itself.
    func selectForUpdate<Record: CentreRecord>(_ type: Record.Type, key: String) -> Statement {
        var statement = select(type, key: key)
        if dialect == .postgres { statement.sql += " FOR UPDATE" }
        return statement
    }

    func useEnrolmentCode(_ hash: String, at now: Date) -> Statement {
        Statement(
            sql: "UPDATE enrolmentCode SET usedAt = \(parameter(1)) WHERE codeHash = \(parameter(2))",
            arguments: [.integer(now.milliseconds), .text(hash)])
    }

    func withdrawEnrolmentCodes(of terminalID: String) -> Statement {
        Statement(
            sql: "DELETE FROM enrolmentCode WHERE terminalID = \(parameter(1)) AND usedAt IS NULL",
            arguments: [.text(terminalID)])
    }

    func revokeTerminal(_ id: String, at now: Date) -> Statement {
        Statement(
            sql: "UPDATE terminal SET revokedAt = \(parameter(1)) WHERE id = \(parameter(2))",
            arguments: [.integer(now.milliseconds), .text(id)])
    }
}
