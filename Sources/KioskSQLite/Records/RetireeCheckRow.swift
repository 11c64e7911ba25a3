import Foundation
import GRDB
import KioskCore

/// A row of `retireeCheck`, keyed (idNumber, year); each recorded entry as its JSON, or null.
struct RetireeCheckRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "retireeCheck"

    var idNumber: String
    var year: Int
    var dueBy: Int64
    var certification: String?
    var lifeEvent: String?
    var suspension: String?

    enum Columns {
        static let idNumber = Column(CodingKeys.idNumber)
        static let year = Column(CodingKeys.year)
        static let dueBy = Column(CodingKeys.dueBy)
    }

    init(_ check: RetireeCheck) throws {
        let encoder = SyncJSON.encoder()
        func json(_ value: (some Encodable)?) throws -> String? {
            try value.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }
        idNumber = check.idNumber
        year = check.year
        dueBy = check.dueBy.milliseconds
        certification = try json(check.certification)
        lifeEvent = try json(check.lifeEvent)
        suspension = try json(check.suspension)
    }

    func check() throws -> RetireeCheck {
        let decoder = SyncJSON.decoder()
        func value<Value: Decodable>(_ json: String?, _: Value.Type) throws -> Value? {
            try json.map { try decoder.decode(Value.self, from: Data($0.utf8)) }
        }
        return RetireeCheck(
            idNumber: idNumber, year: year, dueBy: Date(milliseconds: dueBy),
            certification: try value(certification, RetireeCertification.self),
            lifeEvent: try value(lifeEvent, RetireeLifeEvent.self),
            suspension: try value(suspension, RetireeSuspension.self))
    }
}
