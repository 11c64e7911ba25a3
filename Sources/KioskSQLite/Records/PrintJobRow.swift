import Foundation
import GRDB
import KioskCore

/// A row of `printJob`: one print job's latest state under its key.
struct PrintJobRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "printJob"

    var key: String
    var owner: String
    var status: Data
    var finished: Bool
    var updatedAt: Int64

    enum Columns {
        static let finished = Column(CodingKeys.finished)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    init(_ job: PrintJobRecord) {
        key = job.key
        owner = job.owner
        status = job.status
        finished = job.finished
        updatedAt = job.updatedAt.milliseconds
    }

    var job: PrintJobRecord {
        PrintJobRecord(
            key: key, owner: owner, status: status, finished: finished, updatedAt: Date(milliseconds: updatedAt))
    }
}
