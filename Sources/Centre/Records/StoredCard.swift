import Foundation
import KioskCore

/// A card as the centre keeps it: with the region it is kept in, its steps as JSON, and its version.
struct StoredCard: Sendable {
    var card: CardRecord
    var regionCode: String
    /// The number of its steps, as on the terminal.
    var version: Int { card.steps.count }
}

extension StoredCard: CentreRecord {
    static let tableName = "card"

    /// Without `batchID`, which only a batch's start writes (``CentreSQL/production(_:of:starting:firstSequence:)``).
    enum Columns: Int, TableColumns {
        case cardNumber, idNumber, status, cardIdentifier, steps, regionCode, version
    }

    init(row: TableRow<StoredCard>) throws {
        guard let status = CardStatus(rawValue: try row.text(.status)) else { throw CorruptRow(Self.self, .status) }
        guard
            let steps = try? SyncJSON.decoder().decode([CardRecord.Step].self, from: Data(try row.text(.steps).utf8))
        else { throw CorruptRow(Self.self, .steps) }
        self.init(
            card: CardRecord(
                cardNumber: try row.text(.cardNumber), idNumber: try row.text(.idNumber), status: status,
                cardIdentifier: try row.optionalText(.cardIdentifier), steps: steps),
            regionCode: try row.text(.regionCode))
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .cardNumber: .text(card.cardNumber)
        case .idNumber: .text(card.idNumber)
        case .status: .text(card.status.rawValue)
        case .cardIdentifier: SQLValue(card.cardIdentifier)
        case .steps: .text(String(decoding: try SyncJSON.encoder().encode(card.steps), as: UTF8.self))
        case .regionCode: .text(regionCode)
        case .version: .integer(Int64(version))
        }
    }
}
