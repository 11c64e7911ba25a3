import Foundation
import GRDB
import KioskCore

/// A row of `dispute`: the case as its JSON, with the columns the register looks it up by.
struct DisputeRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "dispute"

    var id: String
    var idNumber: String
    var regionCode: String
    var receivedAt: Date
    var dispute: String

    enum Columns {
        static let regionCode = Column(CodingKeys.regionCode)
        static let receivedAt = Column(CodingKeys.receivedAt)
    }

    init(_ dispute: LabourDispute) throws {
        id = dispute.id
        idNumber = dispute.idNumber
        regionCode = dispute.regionCode
        receivedAt = dispute.receivedAt
        self.dispute = String(decoding: try SyncJSON.encoder().encode(dispute), as: UTF8.self)
    }

    func decoded() throws -> LabourDispute {
        try SyncJSON.decoder().decode(LabourDispute.self, from: Data(dispute.utf8))
    }
}
