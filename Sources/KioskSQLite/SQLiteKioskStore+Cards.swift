import Foundation
import GRDB
import KioskCore
import Vocabulary

extension SQLiteKioskStore {
    /// Records a card request, kept in the holder's region.
    public func requestCard(cardNumber: String, for idNumber: String, by principal: Principal, at now: Date)
        async throws -> CardRecord
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            guard try !CardRow.exists(db, key: cardNumber) else { throw KioskError.cardNumberTaken }
            let card = CardRecord(
                cardNumber: cardNumber, idNumber: idNumber, requestedBy: principal.actorID, at: recorder.now)
            try CardRow(card, regionCode: try recorder.region(of: idNumber)).insert(db)
            try recorder.enqueue(
                .cardRequest, payload: card, baseVersion: nil, priority: SyncCommandKind.normalPriority)
            try recorder.log(
                SyncCommandKind.cardRequest.rawValue, subject: .card(number: cardNumber), by: principal,
                detail: "holder=\(MaskedIDNumber(idNumber))")
            return card
        }
    }

    public func keep(photo jpeg: [UInt8], forCard cardNumber: String, by principal: Principal, at now: Date)
        async throws
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            try db.execute(
                sql: "INSERT OR REPLACE INTO cardPhoto (cardNumber, jpeg, keptAt, keptBy) VALUES (?, ?, ?, ?)",
                arguments: [cardNumber, Data(jpeg), recorder.now.milliseconds, principal.actorID])
            try recorder.enqueue(
                .cardPhoto,
                payload: CardPhotoPayload(
                    cardNumber: cardNumber, jpeg: Data(jpeg), by: principal.actorID, at: recorder.now),
                baseVersion: nil, priority: SyncCommandKind.normalPriority)
            try recorder.log(
                SyncCommandKind.cardPhoto.rawValue, subject: .card(number: cardNumber), by: principal,
                detail: "bytes=\(jpeg.count)")
        }
    }

    public func photo(ofCard cardNumber: String) async throws -> [UInt8]? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT jpeg FROM cardPhoto WHERE cardNumber = ?", arguments: [cardNumber])
                .map { [UInt8]($0) }
        }
    }

    public func move(card cardNumber: String, to status: CardStatus, by principal: Principal, at now: Date)
        async throws -> CardRecord
    {
        try await pool.write { db in
            try Self.move(
                card: cardNumber, to: status, by: principal, recorder: try ChangeRecorder(db, at: now, key: ledgerKey))
        }
    }

    /// Records the chip personalised for the card at the desk: it is ready there, and its card
    /// identifier is kept.
    public func personalised(card cardNumber: String, chip: String, by principal: Principal, at now: Date)
        async throws -> CardRecord
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            let card = try Self.move(
                card: cardNumber, to: .readyAtDesk, chip: chip, by: principal, recorder: recorder)
            try recorder.log(
                "card.personalise", subject: .card(number: cardNumber), by: principal, detail: "chip=\(chip)")
            return card
        }
    }

    /// Replaces a card reported lost by a new one for the same holder, in one transaction: the old
    /// card is dead and the new one applied for together, or neither.
    public func replace(card cardNumber: String, with newCardNumber: String, by principal: Principal, at now: Date)
        async throws -> CardRecord
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            let old = try Self.move(card: cardNumber, to: .replaced, by: principal, recorder: recorder)
            guard try !CardRow.exists(db, key: newCardNumber) else { throw KioskError.cardNumberTaken }
            let card = CardRecord(
                cardNumber: newCardNumber, idNumber: old.idNumber, requestedBy: principal.actorID, at: recorder.now)
            try CardRow(card, regionCode: try recorder.region(of: old.idNumber)).insert(db)
            try recorder.enqueue(
                .cardRequest, payload: card, baseVersion: nil, priority: SyncCommandKind.normalPriority)
            try recorder.log(
                SyncCommandKind.cardRequest.rawValue, subject: .card(number: newCardNumber), by: principal,
                detail: "replaces=\(cardNumber)")
            return card
        }
    }

    /// Moves a card inside the caller's transaction, with its outbox and ledger entries; `chip`
    /// records the identifier of the chip written for it.
    private static func move(
        card cardNumber: String, to status: CardStatus, chip: String? = nil, by principal: Principal,
        recorder: ChangeRecorder
    ) throws -> CardRecord {
        let db = recorder.db
        guard let row = try CardRow.fetchOne(db, key: cardNumber) else {
            throw KioskError.notFound("card", chinese: "该卡片记录")
        }
        var card = row.card
        try card.move(to: status, by: principal.actorID, at: recorder.now)
        if let chip { card.cardIdentifier = chip }
        try CardRow(card, regionCode: row.regionCode).update(db)
        try recorder.enqueue(
            .cardMove,
            payload: CardMovePayload(cardNumber: cardNumber, status: status, by: principal.actorID, at: recorder.now),
            baseVersion: row.version, priority: SyncCommandKind.priority(forCardMoveTo: status))
        try recorder.log(
            SyncCommandKind.cardMove.rawValue, subject: .card(number: cardNumber), by: principal,
            detail: "from=\(row.status.rawValue) to=\(status.rawValue)")
        return card
    }

    public func cardRecord(_ cardNumber: String) async throws -> CardRecord? {
        try await pool.read { db in try CardRow.fetchOne(db, key: cardNumber)?.card }
    }

    public func cardRecords(of idNumber: String) async throws -> [CardRecord] {
        try await pool.read { db in try Self.cardRecords(of: idNumber, db) }
    }

    static func cardRecords(of idNumber: String, _ db: Database) throws -> [CardRecord] {
        try CardRow.filter(CardRow.Columns.idNumber == idNumber).order(CardRow.Columns.cardNumber).fetchAll(db)
            .map(\.card)
    }

    public func cardRecords(in status: CardStatus, region prefix: String) async throws -> [CardRecord] {
        try await pool.read { db in
            try CardRow.filter(
                CardRow.Columns.status == status.rawValue && RegionPrefix(prefix).contains(CardRow.Columns.regionCode)
            ).order(CardRow.Columns.cardNumber).fetchAll(db).map(\.card)
        }
    }
}
