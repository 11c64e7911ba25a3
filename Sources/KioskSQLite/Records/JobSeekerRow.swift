import Foundation
import GRDB
import KioskCore

/// A row of `jobSeeker`: the registration as its JSON, with the columns it is looked up by.
struct JobSeekerRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "jobSeeker"

    var id: String
    var idNumber: String
    var registeredAt: Int64
    var closed: Bool
    var record: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let registeredAt = Column(CodingKeys.registeredAt)
        static let idNumber = Column(CodingKeys.idNumber)
        static let closed = Column(CodingKeys.closed)
    }

    init(_ jobSeeker: JobSeeker) throws {
        id = jobSeeker.id
        idNumber = jobSeeker.idNumber
        registeredAt = jobSeeker.registration.at.milliseconds
        closed = !jobSeeker.isOpen
        record = String(decoding: try SyncJSON.encoder().encode(jobSeeker), as: UTF8.self)
    }

    func jobSeeker() throws -> JobSeeker {
        try SyncJSON.decoder().decode(JobSeeker.self, from: Data(record.utf8))
    }
}
