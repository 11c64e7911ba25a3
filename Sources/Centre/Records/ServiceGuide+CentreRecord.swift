import Foundation
import KioskCore

/// A row of `serviceGuide`: a service's guide as the county published it, as JSON.
extension ServiceGuide: CentreRecord {
    static let tableName = "serviceGuide"

    enum Columns: Int, TableColumns {
        case kind, guide
    }

    init(row: TableRow<ServiceGuide>) throws {
        guard let guide = try? JSONDecoder().decode(ServiceGuide.self, from: Data(try row.text(.guide).utf8)),
            guide.kind.rawValue == (try row.text(.kind))
        else { throw CorruptRow(Self.self, .guide) }
        self = guide
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .kind: .text(kind.rawValue)
        case .guide: .text(String(decoding: try JSONEncoder().encode(self), as: UTF8.self))
        }
    }
}
