import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func savePrintJob(_ job: PrintJobRecord) async throws {
        try await pool.write { db in try PrintJobRow(job).save(db) }
    }

    public func printJob(_ key: String) async throws -> PrintJobRecord? {
        try await pool.read { db in try PrintJobRow.fetchOne(db, key: key)?.job }
    }

    public func forgetPrintJobs(finishedBefore cutoff: Date) async throws {
        _ = try await pool.write { db in
            try PrintJobRow.filter(
                PrintJobRow.Columns.finished == true && PrintJobRow.Columns.updatedAt < cutoff.milliseconds
            )
            .deleteAll(db)
        }
    }
}
