import Foundation
import GRDB
import KioskCore

/// A row of `card`: a card with its steps (JSON), the region it is kept in, and its version, which
/// is the number of its steps: terminal and centre count the same steps, so the version a move was
/// built on means the same on both sides, and a card from the centre with fewer steps than the
/// local one is older and never replaces it (a card's status only moves forward).
struct CardRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "card"

    var cardNumber: String
    var idNumber: String
    var status: CardStatus
    var cardIdentifier: String?
    var steps: [CardRecord.Step]
    var regionCode: String
    var version: Int

    enum Columns {
        static let idNumber = Column(CodingKeys.idNumber)
        static let status = Column(CodingKeys.status)
        static let regionCode = Column(CodingKeys.regionCode)
        static let cardNumber = Column(CodingKeys.cardNumber)
    }

    init(_ card: CardRecord, regionCode: String) {
        cardNumber = card.cardNumber
        idNumber = card.idNumber
        status = card.status
        cardIdentifier = card.cardIdentifier
        steps = card.steps
        self.regionCode = regionCode
        version = card.steps.count
    }

    var card: CardRecord {
        CardRecord(
            cardNumber: cardNumber, idNumber: idNumber, status: status, cardIdentifier: cardIdentifier, steps: steps)
    }

    static func databaseJSONEncoder(for column: String) -> JSONEncoder { SyncJSON.encoder() }
    static func databaseJSONDecoder(for column: String) -> JSONDecoder { SyncJSON.decoder() }

    /// Inserts a card from the centre, kept in its holder's region (or `fallbackRegion` when the
    /// holder is not cached), or updates it unless the local card has more steps.
    static let upsert = """
        INSERT INTO card (cardNumber, idNumber, status, cardIdentifier, steps, regionCode, version)
        VALUES (?1, ?2, ?3, ?4, ?5, COALESCE((SELECT regionCode FROM person WHERE idNumber = ?2), ?6), ?7)
        ON CONFLICT (cardNumber) DO UPDATE SET idNumber = excluded.idNumber, status = excluded.status,
            cardIdentifier = excluded.cardIdentifier, steps = excluded.steps, regionCode = excluded.regionCode,
            version = excluded.version
        WHERE excluded.version >= card.version
        """

    static func upsertArguments(_ card: CardRecord, fallbackRegion: String, encoder: JSONEncoder) throws
        -> StatementArguments
    {
        [
            card.cardNumber, card.idNumber, card.status.rawValue, card.cardIdentifier,
            String(decoding: try encoder.encode(card.steps), as: UTF8.self), fallbackRegion, card.steps.count,
        ]
    }
}
