import Foundation
import KioskCore

/// A row of `satisfactionRating`.
extension SatisfactionRating: CentreRecord {
    static let tableName = "satisfactionRating"

    enum Columns: Int, TableColumns {
        case id, level, reason, channel, service, servedBy, regionCode, at
    }

    init(row: TableRow<SatisfactionRating>) throws {
        guard let level = SatisfactionLevel(rawValue: try row.text(.level)) else { throw CorruptRow(Self.self, .level) }
        guard let channel = Channel(rawValue: try row.text(.channel)) else { throw CorruptRow(Self.self, .channel) }
        let service = try row.optionalText(.service)
        self.init(
            id: try row.text(.id), level: level, reason: try row.optionalText(.reason), channel: channel,
            service: try service.map { text in
                guard let kind = ApplicationKind(rawValue: text) else { throw CorruptRow(Self.self, .service) }
                return kind
            },
            servedBy: try row.optionalText(.servedBy), regionCode: try row.text(.regionCode),
            at: Date(milliseconds: try row.integer(.at)))
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(id)
        case .level: .text(level.rawValue)
        case .reason: reason.map(SQLValue.text) ?? .null
        case .channel: .text(channel.rawValue)
        case .service: service.map { .text($0.rawValue) } ?? .null
        case .servedBy: servedBy.map(SQLValue.text) ?? .null
        case .regionCode: .text(regionCode)
        case .at: .integer(at.milliseconds)
        }
    }
}
