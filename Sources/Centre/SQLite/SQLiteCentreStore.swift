import Foundation
import GRDB
import KioskCore

/// The centre on SQLite: one file, nothing to set up, for a county with a few dozen terminals or a
/// test. Writes go one at a time (SQLite has one writer), which is also what numbers the changes in
/// commit order; reads run beside them on the WAL's snapshots.
public final class SQLiteCentreStore: CentreStore {
    let pool: DatabasePool
    let sql = CentreSQL(dialect: .sqlite)

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in try Self.migrate(db) }
    }

    private static func migrate(_ db: Database) throws {
        try db.execute(sql: CentreSchema.migrationTable)
        let applied = Set(try String.fetchAll(db, sql: "SELECT name FROM centreMigration"))
        guard applied.isSubset(of: CentreSchema.migrations.map(\.name)) else { throw CentreError.schemaTooNew }
        for migration in CentreSchema.migrations where !applied.contains(migration.name) {
            try db.execute(sql: migration.sqlite)
            try db.execute(sql: "INSERT INTO centreMigration (name) VALUES (?)", arguments: [migration.name])
        }
    }

    // MARK: Terminals and certificates

    public func register(_ terminal: RegisteredTerminal) async throws {
        try await pool.write { db in
            guard
                try self.fetch(CentreTables.terminal, self.sql.select(CentreTables.terminal, key: terminal.id), db)
                    .isEmpty
            else { throw CentreError.terminalExists }
            try self.execute(try self.sql.insert(CentreTables.terminal, terminal), db)
        }
    }

    public func terminal(tokenHash: String) async throws -> RegisteredTerminal? {
        try await pool.read { db in
            try self.fetch(CentreTables.terminal, self.sql.terminal(tokenHash: tokenHash), db).first
        }
    }

    public func certificate(serial: String) async throws -> SignedCertificate? {
        try await pool.read { db in
            try self.fetch(CentreTables.certificate, self.sql.select(CentreTables.certificate, key: serial), db).first
        }
    }

    public func checkHealth() async throws {
        _ = try await pool.read { db in try Int64.fetchOne(db, sql: self.sql.currentSequence) }
    }

    // MARK: Commands

    public func apply(_ commands: [SyncCommand], from terminal: RegisteredTerminal, at now: Date) async throws
        -> [SyncCommandResult]
    {
        guard !commands.isEmpty else { return [] }
        return try await pool.write { db in
            let seen = self.sql.appliedCommands(commands.map(\.idempotencyKey))
            var progress = PushProgress(
                answered: try Row.fetchAll(db, sql: seen.sql, arguments: seen.grdbArguments).map {
                    try AppliedCommand(GRDBRowReader(row: $0))
                },
                firstSequence: try self.reserve(commands.count, db))
            return try commands.map { try self.apply($0, from: terminal, at: now, &progress, db) }
        }
    }

    /// One command and the record of its key, in the push's transaction.
    private func apply(
        _ command: SyncCommand, from terminal: RegisteredTerminal, at now: Date, _ progress: inout PushProgress,
        _ db: Database
    ) throws -> SyncCommandResult {
        if let answer = progress.answered[command.idempotencyKey] { return answer }
        let decision: Result<CommandEffect, CommandRefusal>
        if let decoded = CentreCommand(command) {
            decision = CommandRules.decide(
                decoded, baseVersion: command.baseVersion, facts: try facts(for: decoded, db), terminal: terminal)
        } else {
            decision = .failure(.malformedPayload)
        }
        let result: SyncCommandResult
        switch decision {
        case .success(let effect):
            try execute(try sql.write(effect, sequence: progress.takeSequence()), db)
            result = SyncCommandResult(
                idempotencyKey: command.idempotencyKey, outcome: .applied, version: effect.version)
        case .failure(let refusal):
            result = SyncCommandResult(
                idempotencyKey: command.idempotencyKey, outcome: .refused, reason: refusal.reason)
        }
        try execute(sql.recordCommand(command, terminal: terminal, result: result, at: now.milliseconds), db)
        progress.record(result)
        return result
    }

    private func facts(for command: CentreCommand, _ db: Database) throws -> CommandFacts {
        var facts = CommandFacts()
        if let id = command.applicationID {
            facts.application = try fetch(CentreTables.application, sql.select(CentreTables.application, key: id), db)
                .first
        }
        if let query = command.openApplicationQuery {
            let statement = sql.openApplication(idNumber: query.idNumber, kind: query.kind, excluding: query.excluding)
            facts.openDuplicate = try Row.fetchOne(db, sql: statement.sql, arguments: statement.grdbArguments) != nil
        }
        if let holder = command.holder {
            let statement = sql.personRegion(holder)
            facts.holderRegion = try String.fetchOne(db, sql: statement.sql, arguments: statement.grdbArguments)
        }
        if let number = command.cardNumber {
            facts.card = try fetch(CentreTables.card, sql.select(CentreTables.card, key: number), db).first
        }
        if let serial = command.certificateSerial {
            facts.certificate = try fetch(CentreTables.certificate, sql.select(CentreTables.certificate, key: serial), db)
                .first
        }
        return facts
    }

    // MARK: Card production

    public func startBatch(in area: Jurisdiction, at now: Date) async throws -> CardBatch? {
        try await pool.write { db in
            let applied = try self.fetch(CentreTables.card, self.sql.appliedCards(in: area), db)
            guard let (batch, cards) = try CardProduction.start(applied, in: area, at: now) else { return nil }
            try self.write(cards, of: batch, starting: true, db)
            return batch
        }
    }

    public func deliverBatch(_ id: String, at now: Date) async throws -> CardBatch {
        try await pool.write { db in
            guard var batch = try self.fetch(CentreTables.cardBatch, self.sql.select(CentreTables.cardBatch, key: id), db)
                .first
            else { throw CentreError.unknownBatch }
            batch.status = .delivered
            let cards = try CardProduction.deliver(try self.fetch(CentreTables.card, self.sql.cards(ofBatch: id), db), at: now)
            try self.write(cards, of: batch, starting: false, db)
            return batch
        }
    }

    private func write(_ cards: [StoredCard], of batch: CardBatch, starting: Bool, _ db: Database) throws {
        let first = cards.isEmpty ? 0 : try reserve(cards.count, db)
        for statement in try sql.production(cards, of: batch, starting: starting, firstSequence: first) {
            try execute(statement, db)
        }
    }

    // MARK: Pulls

    public func changes(after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int, at now: Date) async throws
        -> SyncChanges
    {
        try await pool.read { db in
            var page = ChangePage()
            page.add(
                try self.changed(CentreTables.person, after: cursor, in: jurisdiction, limit: limit, db), to: \.people)
            page.add(
                try self.changed(CentreTables.enrolment, after: cursor, in: jurisdiction, limit: limit, db),
                to: \.enrolments)
            page.add(
                try self.changed(CentreTables.contribution, after: cursor, in: jurisdiction, limit: limit, db),
                to: \.contributions)
            page.add(
                try self.changed(CentreTables.pensionPayment, after: cursor, in: jurisdiction, limit: limit, db),
                to: \.pensionPayments)
            page.add(
                try self.changed(CentreTables.jobPosting, after: cursor, in: jurisdiction, limit: limit, db),
                to: \.jobPostings)
            page.add(cards: try self.changed(CentreTables.card, after: cursor, in: jurisdiction, limit: limit, db))
            return page.changes(after: cursor, limit: limit, at: now)
        }
    }

    private func changed<Record>(
        _ table: CentreTable<Record>, after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int,
        _ db: Database
    ) throws -> [(sequence: Int64, record: Record)] {
        let statement = sql.changes(table, after: cursor, in: jurisdiction, limit: limit)
        return try Row.fetchAll(db, sql: statement.sql, arguments: statement.grdbArguments).map { row in
            let reader = GRDBRowReader(row: row)
            return (try reader.integer(table.columns.count), try table.read(reader))
        }
    }

    public func currentCursor() async throws -> SyncCursor {
        SyncCursor(try await pool.read { db in try Int64.fetchOne(db, sql: self.sql.currentSequence) ?? 0 })
    }

    public func snapshotPage(of jurisdiction: Jurisdiction, after person: Person?, people: Int) async throws
        -> ReferenceDataPage?
    {
        try await pool.read { db in
            let found = try self.fetch(
                CentreTables.person, self.sql.snapshotPeople(in: jurisdiction, after: person, limit: people), db)
            var page = ReferenceDataPage(people: found, cursor: "", asOf: Date())
            if person == nil {
                page.jobPostings = try self.fetch(CentreTables.jobPosting, self.sql.jobPostings(in: jurisdiction), db)
            } else if found.isEmpty {
                return nil
            }
            guard !found.isEmpty else { return page }
            let ids = found.map(\.idNumber)
            page.enrolments = try self.fetch(CentreTables.enrolment, self.sql.rows(CentreTables.enrolment, of: ids), db)
            page.contributions = try self.fetch(
                CentreTables.contribution, self.sql.rows(CentreTables.contribution, of: ids), db)
            page.pensionPayments = try self.fetch(
                CentreTables.pensionPayment, self.sql.rows(CentreTables.pensionPayment, of: ids), db)
            page.cardRecords = try self.fetch(CentreTables.card, self.sql.rows(CentreTables.card, of: ids), db).map(
                \.card)
            return page
        }
    }

    // MARK: Bulk load

    /// One transaction for the page; one prepared statement per table, rows bound straight to it.
    public func load(_ page: ReferenceDataPage) async throws {
        try await pool.write { db in
            let count =
                page.people.count + page.enrolments.count + page.contributions.count + page.pensionPayments.count
                + page.jobPostings.count + page.cardRecords.count
            guard count > 0 else { return }
            var sequence = try self.reserve(count, db) - 1
            func insert<Record>(_ table: CentreTable<Record>, _ records: [Record]) throws {
                guard !records.isEmpty else { return }
                let statement = try db.cachedStatement(
                    sql:
                        "INSERT INTO \(table.name) (\(table.columnList()), changeSequence) VALUES (?\(String(repeating: ", ?", count: table.columns.count)))"
                )
                for record in records {
                    sequence += 1
                    try statement.execute(
                        arguments: StatementArguments(
                            (try table.values(record) + [.integer(sequence)]).map(\.databaseValue)))
                }
            }
            try insert(CentreTables.person, page.people)
            try insert(CentreTables.enrolment, page.enrolments)
            try insert(CentreTables.contribution, page.contributions)
            try insert(CentreTables.pensionPayment, page.pensionPayments)
            try insert(CentreTables.jobPosting, page.jobPostings)
            let regions = Dictionary(
                page.people.map { ($0.idNumber, $0.regionCode) }, uniquingKeysWith: { first, _ in first })
            try insert(
                CentreTables.card,
                try page.cardRecords.map { card in
                    StoredCard(card: card, regionCode: try regions[card.idNumber] ?? self.region(of: card.idNumber, db))
                })
        }
    }

    // MARK: Helpers

    /// The region a card is kept in when its holder is not in the same page.
    private func region(of idNumber: String, _ db: Database) throws -> String {
        let statement = sql.personRegion(idNumber)
        guard let region = try String.fetchOne(db, sql: statement.sql, arguments: statement.grdbArguments) else {
            throw CentreError.unknownHolder
        }
        return region
    }

    /// Takes `count` change numbers; answers the first.
    private func reserve(_ count: Int, _ db: Database) throws -> Int64 {
        let statement = sql.reserveSequence(count)
        return try Int64.fetchOne(db, sql: statement.sql, arguments: statement.grdbArguments)! - Int64(count) + 1
    }

    private func execute(_ statement: CentreSQL.Statement, _ db: Database) throws {
        try db.execute(sql: statement.sql, arguments: statement.grdbArguments)
    }

    private func fetch<Record>(_ table: CentreTable<Record>, _ statement: CentreSQL.Statement, _ db: Database) throws
        -> [Record]
    {
        try Row.fetchAll(db, sql: statement.sql, arguments: statement.grdbArguments).map {
            try table.read(GRDBRowReader(row: $0))
        }
    }
}
