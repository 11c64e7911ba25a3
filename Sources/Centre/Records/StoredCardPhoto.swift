import Foundation
import KioskCore

/// A card's photo as the centre keeps it for production: the JPEG the desk checked, who kept it and when.
struct StoredCardPhoto: Sendable {
    var cardNumber: String
    var jpeg: Data
    var keptBy: String
    var keptAt: Date
}

extension StoredCardPhoto: CentreRecord {
    static let tableName = "cardPhoto"

    /// The JPEG as base64 text, so that both dialects keep it in a TEXT column as they keep everything else.
    enum Columns: Int, TableColumns {
        case cardNumber, jpeg, keptBy, keptAt
    }

    init(row: TableRow<StoredCardPhoto>) throws {
        guard let jpeg = Data(base64Encoded: try row.text(.jpeg)) else { throw CorruptRow(Self.self, .jpeg) }
        self.init(
            cardNumber: try row.text(.cardNumber), jpeg: jpeg, keptBy: try row.text(.keptBy),
            keptAt: Date(milliseconds: try row.integer(.keptAt)))
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .cardNumber: .text(cardNumber)
        case .jpeg: .text(jpeg.base64EncodedString())
        case .keptBy: .text(keptBy)
        case .keptAt: .integer(keptAt.milliseconds)
        }
    }
}
