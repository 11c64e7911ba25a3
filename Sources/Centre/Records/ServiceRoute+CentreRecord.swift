import Foundation
import KioskCore

/// A row of `serviceRoute`: a service's route as the centre published it, the steps as JSON.
extension ServiceRoute: CentreRecord {
    static let tableName = "serviceRoute"

    enum Columns: Int, TableColumns {
        case kind, steps
    }

    init(row: TableRow<ServiceRoute>) throws {
        guard let kind = ApplicationKind(rawValue: try row.text(.kind)) else { throw CorruptRow(Self.self, .kind) }
        guard let steps = try? JSONDecoder().decode([Step].self, from: Data(try row.text(.steps).utf8)) else {
            throw CorruptRow(Self.self, .steps)
        }
        self.init(kind: kind, steps: steps)
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .kind: .text(kind.rawValue)
        case .steps: .text(String(decoding: try JSONEncoder().encode(steps), as: UTF8.self))
        }
    }
}
