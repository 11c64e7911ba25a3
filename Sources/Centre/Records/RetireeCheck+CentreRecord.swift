import Foundation
import KioskCore

/// A row of `retireeCheck`, keyed (idNumber, year), placed by its person's region; each recorded
/// entry as its JSON, or null.
extension RetireeCheck: CentreRecord {
    static let tableName = "retireeCheck"

    enum Columns: Int, TableColumns {
        case idNumber, year, dueBy, certification, lifeEvent, suspension
    }

    static let primaryKey: [Columns] = [.idNumber, .year]

    init(row: TableRow<RetireeCheck>) throws {
        let decoder = SyncJSON.decoder()
        func entry<Value: Decodable>(_ column: Columns, _: Value.Type) throws -> Value? {
            guard let json = try row.optionalText(column) else { return nil }
            guard let value = try? decoder.decode(Value.self, from: Data(json.utf8)) else {
                throw CorruptRow(Self.self, column)
            }
            return value
        }
        self.init(
            idNumber: try row.text(.idNumber), year: Int(try row.integer(.year)),
            dueBy: Date(milliseconds: try row.integer(.dueBy)),
            certification: try entry(.certification, RetireeCertification.self),
            lifeEvent: try entry(.lifeEvent, RetireeLifeEvent.self),
            suspension: try entry(.suspension, RetireeSuspension.self))
    }

    func value(of column: Columns) throws -> SQLValue {
        func json(_ value: (some Encodable)?) throws -> SQLValue {
            guard let value else { return .null }
            return .text(String(decoding: try SyncJSON.encoder().encode(value), as: UTF8.self))
        }
        switch column {
        case .idNumber: return .text(idNumber)
        case .year: return .integer(Int64(year))
        case .dueBy: return .integer(dueBy.milliseconds)
        case .certification: return try json(certification)
        case .lifeEvent: return try json(lifeEvent)
        case .suspension: return try json(suspension)
        }
    }
}
