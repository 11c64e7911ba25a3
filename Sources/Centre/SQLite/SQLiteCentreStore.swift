import Foundation
import GRDB
import KioskCore
import Vocabulary

/// The centre on SQLite: one file, nothing to set up, for a county with a few dozen terminals or a
/// test. Writes go one at a time (SQLite has one writer), which is also what numbers the changes in
/// commit order; reads run beside them on the WAL's snapshots.
public final class SQLiteCentreStore: CentreStore {
    let pool: DatabasePool
    let sql = CentreSQL(dialect: .sqlite)
    /// Seals the centre's ledger; kept in a file of its own, outside the database.
    let ledgerKey: LedgerKey

    /// Opens (or creates) the database at `path` and brings its schema up to date; `ledgerKey`
    /// seals its ledger.
    public init(path: String, ledgerKey: LedgerKey) throws {
        self.ledgerKey = ledgerKey
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

    // MARK: Ledger

    public func record(_ event: CentreLedgerEvent, at now: Date) async throws {
        try await pool.write { db in try self.appendLedger(event, at: now, db) }
    }

    public func ledger(from sequence: Int64, limit: Int) async throws -> [LedgerEntry] {
        try await pool.read { db in try self.fetch(self.sql.ledgerEntries(from: sequence, limit: limit), .records, db) }
    }

    public func verifyLedger() async throws -> LedgerVerifier.Finding {
        try await pool.read { db in
            let head = try self.fetch(self.sql.ledgerHead(locked: false), RowMapping<CentreLedgerHead>.records, db)
                .first
            return head.verify(try self.fetch(self.sql.ledgerEntries(), .records, db), key: self.ledgerKey)
        }
    }

    /// Chains `event` onto the ledger inside the caller's transaction.
    private func appendLedger(_ event: CentreLedgerEvent, at now: Date, _ db: Database) throws {
        let head = try fetch(sql.ledgerHead(locked: true), RowMapping<CentreLedgerHead>.records, db).first
        for statement in try sql.ledgerWrites(event, after: head, key: ledgerKey, at: now) {
            try execute(statement, db)
        }
    }

    // MARK: Terminals and certificates

    public func register(_ terminal: RegisteredTerminal) async throws {
        try await pool.write { db in
            let registered: [RegisteredTerminal] = try self.fetch(
                self.sql.select(RegisteredTerminal.self, key: terminal.id), .records, db)
            guard registered.isEmpty else { throw CentreError.terminalExists }
            try self.execute(try self.sql.insert(terminal), db)
        }
    }

    public func terminal(tokenHash: String) async throws -> RegisteredTerminal? {
        try await pool.read { db in
            try self.fetch(self.sql.terminal(tokenHash: tokenHash), RowMapping<RegisteredTerminal>.records, db).first
        }
    }

    public func terminal(id: String) async throws -> RegisteredTerminal? {
        try await pool.read { db in
            try self.fetch(
                self.sql.select(RegisteredTerminal.self, key: id), RowMapping<RegisteredTerminal>.records, db
            )
            .first
        }
    }

    public func issueEnrolmentCode(_ code: StoredEnrolmentCode, rotating: Bool, audit: CentreLedgerEvent) async throws {
        try await pool.write { db in
            try self.appendLedger(audit, at: Date(), db)
            let existing: [RegisteredTerminal] = try self.fetch(
                self.sql.select(RegisteredTerminal.self, key: code.terminalID), .records, db)
            for statement in try TerminalEnrolling.issue(code, existing: existing.first, rotating: rotating, self.sql) {
                try self.execute(statement, db)
            }
        }
    }

    public func enrol<Issued: Sendable>(
        codeHash: String, at now: Date,
        credentials: @Sendable (StoredEnrolmentCode) throws -> (terminal: RegisteredTerminal, issued: Issued)
    ) async throws -> Issued {
        try await pool.write { db in
            let found: [StoredEnrolmentCode] = try self.fetch(
                self.sql.selectForUpdate(StoredEnrolmentCode.self, key: codeHash), .records, db)
            let (statements, issued) = try TerminalEnrolling.redeem(
                found.first, at: now, self.sql, credentials: credentials)
            for statement in statements { try self.execute(statement, db) }
            return issued
        }
    }

    public func revokeTerminal(_ id: String, at now: Date, audit: CentreLedgerEvent) async throws {
        try await pool.write { db in
            try self.appendLedger(audit, at: now, db)
            let existing: [RegisteredTerminal] = try self.fetch(
                self.sql.select(RegisteredTerminal.self, key: id), .records, db)
            for statement in try TerminalEnrolling.revoke(existing.first, at: now, self.sql) {
                try self.execute(statement, db)
            }
        }
    }

    public func terminals(in area: Jurisdiction) async throws -> [RegisteredTerminal] {
        try await pool.read { db in try self.fetch(self.sql.rows(RegisteredTerminal.self, in: area), .records, db) }
    }

    public func recordHeartbeat(_ heartbeat: StoredHeartbeat) async throws {
        try await pool.write { db in try self.execute(try self.sql.upsert(heartbeat), db) }
    }

    public func heartbeats(in area: Jurisdiction) async throws -> [StoredHeartbeat] {
        try await pool.read { db in try self.fetch(self.sql.heartbeats(in: area), .records, db) }
    }

    // MARK: Console staff

    public func addStaff(_ account: CentreStaffAccount, audit: CentreLedgerEvent) async throws {
        try await pool.write { db in
            try self.appendLedger(audit, at: Date(), db)
            let existing: [CentreStaffAccount] = try self.fetch(
                self.sql.select(CentreStaffAccount.self, key: account.member.id), .records, db)
            guard existing.isEmpty else { throw CentreError.staffExists }
            try self.execute(try self.sql.insert(account, sequence: try self.reserve(1, db)), db)
        }
    }

    public func staffAccount(id: String) async throws -> CentreStaffAccount? {
        try await pool.read { db in
            try self.fetch(
                self.sql.select(CentreStaffAccount.self, key: id), RowMapping<CentreStaffAccount>.records, db
            )
            .first
        }
    }

    public func saveStaff(_ account: CentreStaffAccount, audit: CentreLedgerEvent) async throws {
        try await pool.write { db in
            try self.appendLedger(audit, at: Date(), db)
            try self.execute(try self.sql.upsert(account, sequence: try self.reserve(1, db)), db)
        }
    }

    public func staff(in area: Jurisdiction) async throws -> [CentreStaffAccount] {
        try await pool.read { db in try self.fetch(self.sql.rows(CentreStaffAccount.self, in: area), .records, db) }
    }

    public func certificate(serial: String) async throws -> SignedCertificate? {
        try await record(SignedCertificate.self, key: serial)
    }

    public func application(id: String) async throws -> Application? {
        try await record(StoredApplication.self, key: id)?.application
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
            var progress = PushProgress(
                answered: try self.fetch(self.sql.appliedCommands(commands.map(\.idempotencyKey)), .records, db),
                facts: try self.facts(for: commands.compactMap(CentreCommand.init), db),
                firstSequence: try self.reserve(commands.count, db))
            let results = try commands.map { try self.apply($0, from: terminal, &progress, db) }
            if let record = progress.recordStatement(from: terminal, at: now, self.sql) { try self.execute(record, db) }
            return results
        }
    }

    /// One command, in the push's transaction (its key is recorded with the push's others).
    private func apply(
        _ command: SyncCommand, from terminal: RegisteredTerminal, _ progress: inout PushProgress, _ db: Database
    ) throws -> SyncCommandResult {
        if let answer = progress.answered[command.idempotencyKey] { return answer }
        let decision: Result<CommandEffect, CommandRefusal>
        if let decoded = CentreCommand(command) {
            decision = CommandRules.decide(
                decoded, baseVersion: command.baseVersion, facts: progress.facts(for: decoded), terminal: terminal)
        } else {
            decision = .failure(.malformedPayload)
        }
        let (statement, result) = try progress.carryOut(command, decision, sql)
        if let statement { try execute(statement, db) }
        return result
    }

    private func facts(for commands: [CentreCommand], _ db: Database) throws -> PushFacts {
        var facts = PushFacts()
        for lookup in PushFacts.lookups(for: commands, sql) {
            let rows = try Row.fetchCursor(db, sql: lookup.statement.sql, arguments: lookup.statement.grdbArguments)
            while let row = try rows.next() { try lookup.keep(GRDBRowReader(row: row), &facts) }
        }
        return facts
    }

    // MARK: Ledger anchors

    public func anchorLedger(
        _ head: LedgerHead, atAnchor: LedgerHead?, of terminal: RegisteredTerminal, at now: Date
    ) async throws -> LedgerAnchorResult {
        try await pool.write { db in
            let anchored: [StoredLedgerAnchor] = try self.fetch(
                self.sql.select(StoredLedgerAnchor.self, key: terminal.id), .records, db)
            let (statements, result) = try LedgerAnchoring.carryOut(
                head, atAnchor: atAnchor, anchored: anchored.first, of: terminal, at: now, self.sql)
            for statement in statements { try self.execute(statement, db) }
            return result
        }
    }

    public func ledgerAnchor(of terminal: RegisteredTerminal) async throws -> LedgerAnchor {
        try await pool.read { db in
            let anchored: [StoredLedgerAnchor] = try self.fetch(
                self.sql.select(StoredLedgerAnchor.self, key: terminal.id), .records, db)
            let refusals: [LedgerAnchorRefusals] = try self.fetch(
                self.sql.ledgerAnchorRefusals(terminal.id), .records, db)
            return LedgerAnchor(anchored.first, refusals.first)
        }
    }

    // MARK: Card production

    public func startBatch(in area: Jurisdiction, at now: Date, audit: CentreLedgerEvent) async throws -> CardBatch? {
        try await pool.write { db in
            try self.appendLedger(audit, at: now, db)
            let applied: [StoredCard] = try self.fetch(self.sql.appliedCards(in: area), .records, db)
            guard let (batch, cards) = try CardProduction.start(applied, in: area, at: now) else { return nil }
            try self.write(cards, of: batch, starting: true, db)
            return batch
        }
    }

    public func deliverBatch(_ id: String, at now: Date, audit: CentreLedgerEvent) async throws -> CardBatch {
        try await pool.write { db in
            try self.appendLedger(audit, at: now, db)
            guard
                var batch = try self.fetch(self.sql.select(CardBatch.self, key: id), RowMapping<CardBatch>.records, db)
                    .first
            else { throw CentreError.unknownBatch }
            batch.status = .delivered
            let cards = try CardProduction.deliver(try self.fetch(self.sql.cards(ofBatch: id), .records, db), at: now)
            try self.write(cards, of: batch, starting: false, db)
            return batch
        }
    }

    @discardableResult
    public func refreshFigures() async throws -> Int {
        var refreshed = 0
        while true {
            let regions = try await pool.write { db in
                let regions = Set(
                    try self.fetch(
                        self.sql.takeChangedRegions(limit: FigureCount.regionsPerRefresh),
                        RowMapping<String>.regionCodes, db
                    ))
                for region in regions {
                    let counts = FigureCount.counts(
                        ofRegion: region,
                        applications: try self.fetch(
                            self.sql.rows(StoredApplication.self, ofRegion: region),
                            RowMapping<StoredApplication>.records, db
                        ).map(\.application),
                        cards: try self.fetch(self.sql.rows(StoredCard.self, ofRegion: region), .records, db),
                        documents: try self.fetch(
                            self.sql.rows(SignedCertificate.self, ofRegion: region), .records, db))
                    for statement in try self.sql.replaceFigureCounts(ofRegion: region, with: counts) {
                        try self.execute(statement, db)
                    }
                }
                return regions.count
            }
            guard regions > 0 else { return refreshed }
            refreshed += regions
        }
    }

    public func figureSums(
        _ family: FigureCount.Family, month: String, in area: Jurisdiction, by group: ServiceFigures.Grouping,
        dueBefore: Date
    ) async throws -> [FigureSum] {
        try await refreshFigures()
        return try await pool.read { db in
            try self.fetch(
                self.sql.figureSums(family, month: month, in: area, by: group, dueBefore: dueBefore), .records, db)
        }
    }

    public func uncovered(in area: Jurisdiction, _ scheme: CoverageScheme, limit: Int) async throws -> [Person] {
        try await pool.read { db in
            try self.fetch(self.sql.uncovered(in: area, scheme, limit: limit), RowMapping<Person>.records, db)
        }
    }

    public func lateApplications(in area: Jurisdiction, at now: Date, limit: Int) async throws -> [Application] {
        try await pool.read { db in
            let late: [StoredApplication] = try self.fetch(
                self.sql.lateApplications(in: area, at: now, limit: limit), .records, db)
            return late.map(\.application)
        }
    }

    public func suspensionCandidates(in area: Jurisdiction, at now: Date, limit: Int) async throws
        -> [ConsoleSuspensionCandidate]
    {
        try await pool.read { db in
            try self.fetch(
                self.sql.suspensionCandidates(in: area, at: now, limit: limit), RowMapping<RetireeCheck>.placed, db
            ).map { ConsoleSuspensionCandidate($0.record, regionCode: $0.regionCode) }
        }
    }

    public func batch(id: String) async throws -> CardBatch? {
        try await record(CardBatch.self, key: id)
    }

    public func cardPhoto(cardNumber: String) async throws -> Data? {
        try await record(StoredCardPhoto.self, key: cardNumber)?.jpeg
    }

    public func cardProduction(in area: Jurisdiction, since: Date) async throws -> CardProductionOverview {
        try await pool.read { db in
            let batches = try self.fetch(self.sql.batches(in: area, since: since), RowMapping<CardBatch>.records, db)
            return CardProductionOverview(
                waiting: try self.fetch(self.sql.appliedCards(in: area), .records, db),
                batches: try batches.map { ($0, try self.fetch(self.sql.cards(ofBatch: $0.id), .records, db)) })
        }
    }

    private func write(_ cards: [StoredCard], of batch: CardBatch, starting: Bool, _ db: Database) throws {
        let first = cards.isEmpty ? 0 : try reserve(cards.count, db)
        for statement in try sql.production(cards, of: batch, starting: starting, firstSequence: first) {
            try execute(statement, db)
        }
    }

    // MARK: Service routes

    public func publish(_ route: ServiceRoute, audit: CentreLedgerEvent) async throws {
        try await publishEverywhere(route, audit: audit)
    }

    public func publish(_ guide: ServiceGuide, audit: CentreLedgerEvent) async throws {
        try await publishEverywhere(guide, audit: audit)
    }

    public func publish(_ grades: PensionGradeTable, audit: CentreLedgerEvent) async throws {
        try await publishEverywhere(grades, audit: audit)
    }

    public func pensionGrades() async throws -> PensionGradeTable? {
        try await pool.read { db in
            let tables: [PensionGradeTable] = try self.fetch(self.sql.published(PensionGradeTable.self), .records, db)
            return tables.first
        }
    }

    public func publish(_ notice: PolicyNotice, audit: CentreLedgerEvent) async throws {
        try await publishEverywhere(notice, audit: audit)
    }

    public func notices() async throws -> [PolicyNotice] {
        try await pool.read { db in try self.fetch(self.sql.published(PolicyNotice.self), .records, db) }
    }

    public func serviceGuides() async throws -> [ServiceGuide] {
        try await pool.read { db in try self.fetch(self.sql.published(ServiceGuide.self), .records, db) }
    }

    /// Writes a record every terminal pulls alike, in place of what was published under its key.
    private func publishEverywhere<Record: CentreRecord>(_ record: Record, audit: CentreLedgerEvent) async throws {
        try await pool.write { db in
            try self.appendLedger(audit, at: Date(), db)
            try self.execute(try self.sql.upsert(record, sequence: try self.reserve(1, db)), db)
        }
    }

    public func publishRetireeChecks(year: Int, dueBy: Date, audit: CentreLedgerEvent) async throws -> Int {
        try await pool.write { db in
            try self.appendLedger(audit, at: Date(), db)
            let retirees = try self.fetch(self.sql.retireesWithoutCheck(of: year), RowMapping<String>.idNumbers, db)
            guard !retirees.isEmpty else { return 0 }
            let first = try self.reserve(retirees.count, db)
            for (offset, idNumber) in retirees.enumerated() {
                let check = RetireeCheck(idNumber: idNumber, year: year, dueBy: dueBy)
                try self.execute(try self.sql.insert(check, sequence: first + Int64(offset)), db)
            }
            return retirees.count
        }
    }

    public func satisfactionSums(month: YearMonth, in area: Jurisdiction, by group: ServiceFigures.Grouping)
        async throws -> [FigureSum]
    {
        try await pool.read { db in
            try self.fetch(self.sql.satisfactionSums(month: month, in: area, by: group), .records, db)
        }
    }

    public func serviceRoutes() async throws -> ServiceRoutes {
        try await pool.read { db in ServiceRoutes(published: try self.fetch(self.sql.serviceRoutes, .records, db)) }
    }

    // MARK: Working calendar

    public func publish(_ year: WorkingCalendar.PublishedYear, audit: CentreLedgerEvent) async throws {
        try await publishEverywhere(year, audit: audit)
    }

    public func workingCalendar() async throws -> WorkingCalendar {
        try await pool.read { db in
            WorkingCalendar.published.replacing(with: try self.fetch(self.sql.calendarYears, .records, db))
        }
    }

    // MARK: Removals

    public func remove(_ record: ReferenceRemoval.Record, at now: Date, audit: CentreLedgerEvent) async throws {
        try await pool.write { db in
            try self.appendLedger(audit, at: now, db)
            guard let lookup = self.sql.region(of: record),
                let region = try self.fetch(lookup, .regionCodes, db).first
            else { throw CentreError.unknownRecord }
            for statement in self.sql.delete(record) { try self.execute(statement, db) }
            let removal = StoredRemoval(record: record, regionCode: region, movedTo: nil, removedAt: now)
            try self.execute(try self.sql.insert(removal, sequence: try self.reserve(1, db)), db)
        }
    }

    public func movePerson(_ idNumber: String, to region: String, at now: Date, audit: CentreLedgerEvent) async throws {
        try await pool.write { db in
            try self.appendLedger(audit, at: now, db)
            guard
                let person = try self.fetch(self.sql.select(Person.self, key: idNumber), RowMapping<Person>.records, db)
                    .first
            else {
                throw CentreError.unknownRecord
            }
            guard person.regionCode != region else { return }
            let move = PersonMove(
                person, to: region,
                enrolments: try self.fetch(self.sql.rows(Enrolment.self, of: [idNumber]), .records, db),
                contributions: try self.fetch(self.sql.rows(Contribution.self, of: [idNumber]), .records, db),
                pensionPayments: try self.fetch(self.sql.rows(PensionPayment.self, of: [idNumber]), .records, db),
                retireeChecks: try self.fetch(self.sql.rows(RetireeCheck.self, of: [idNumber]), .records, db),
                jobSeekers: try self.fetch(self.sql.rows(JobSeeker.self, of: [idNumber]), .records, db),
                cards: try self.fetch(self.sql.rows(StoredCard.self, of: [idNumber]), .records, db), at: now)
            for statement in try self.sql.move(move, firstSequence: try self.reserve(move.changeCount, db)) {
                try self.execute(statement, db)
            }
        }
    }

    // MARK: Pulls

    public func changes(after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int, at now: Date) async throws
        -> SyncChanges
    {
        try await pool.read { db in
            var page = ChangePage()
            for query in ChangePage.queries(after: cursor, in: jurisdiction, limit: limit, self.sql) {
                page.add(try self.fetch(query.statement, query.changes, db))
            }
            return page.changes(after: cursor, limit: limit, at: now)
        }
    }

    public func currentCursor() async throws -> SyncCursor {
        SyncCursor(try await pool.read { db in try Int64.fetchOne(db, sql: self.sql.currentSequence) ?? 0 })
    }

    public func snapshotPage(of jurisdiction: Jurisdiction, after position: SnapshotPosition?, people: Int)
        async throws
        -> ReferenceDataPage?
    {
        try await pool.read { db in
            let found: [Person] = try self.fetch(
                self.sql.snapshotPeople(in: jurisdiction, after: position, limit: people), .records, db)
            var page = ReferenceDataPage(people: found, cursor: "", asOf: Date())
            if position == nil {
                page.jobPostings = try self.fetch(
                    self.sql.placedRows(JobPosting.self, in: jurisdiction, andAbove: true), .records, db)
                page.trainingCourses = try self.fetch(
                    self.sql.placedRows(TrainingCourse.self, in: jurisdiction, andAbove: true), .records, db)
                page.appointments = try self.fetch(
                    self.sql.placedRows(Appointment.self, in: jurisdiction, andAbove: false), .records, db)
                page.disputes = try self.fetch(
                    self.sql.placedRows(LabourDispute.self, in: jurisdiction, andAbove: false), .records, db)
                page.staff = try self.fetch(
                    self.sql.staffAccounts(serving: jurisdiction), RowMapping<CentreStaffAccount>.records, db
                ).compactMap { $0.terminalAccount(serving: jurisdiction) }
                page.calendarYears = try self.fetch(self.sql.calendarYears, .records, db)
                page.serviceRoutes = try self.fetch(self.sql.serviceRoutes, .records, db)
                page.serviceGuides = try self.fetch(self.sql.published(ServiceGuide.self), .records, db)
                page.notices = try self.fetch(self.sql.published(PolicyNotice.self), .records, db)
                page.pensionGrades = try self.fetch(self.sql.published(PensionGradeTable.self), .records, db)
                let open: [StoredApplication] = try self.fetch(
                    self.sql.openApplications(in: jurisdiction), .records, db)
                page.applications = open.map { VersionedApplication($0.application, version: $0.version) }
            } else if found.isEmpty {
                return nil
            }
            guard !found.isEmpty else { return page }
            let ids = found.map(\.idNumber)
            page.enrolments = try self.fetch(self.sql.rows(Enrolment.self, of: ids), .records, db)
            page.contributions = try self.fetch(self.sql.rows(Contribution.self, of: ids), .records, db)
            page.pensionPayments = try self.fetch(self.sql.rows(PensionPayment.self, of: ids), .records, db)
            page.retireeChecks = try self.fetch(self.sql.rows(RetireeCheck.self, of: ids), .records, db)
            page.jobSeekers = try self.fetch(self.sql.rows(JobSeeker.self, of: ids), .records, db)
            let cards: [StoredCard] = try self.fetch(self.sql.rows(StoredCard.self, of: ids), .records, db)
            page.cardRecords = cards.map(\.card)
            return page
        }
    }

    // MARK: Snapshot audit

    public func startSnapshot(
        by terminal: RegisteredTerminal, of jurisdiction: Jurisdiction, resuming cursor: SyncCursor?,
        limit: SnapshotLimit, at now: Date
    ) async throws -> SnapshotPull {
        try await pool.write { db in
            let starts = self.sql.snapshotStarts(of: terminal.id, since: now.addingTimeInterval(-limit.window))
            let pull = try limit.start(
                by: terminal, of: jurisdiction,
                cursor: try cursor ?? SyncCursor(try Int64.fetchOne(db, sql: self.sql.currentSequence) ?? 0),
                resuming: cursor != nil,
                after: try Row.fetchAll(db, sql: starts.sql, arguments: starts.grdbArguments).map { row in
                    (Date(milliseconds: row[0]), (row[1] as Int64) != 0)
                },
                at: now)
            try self.execute(try self.sql.insert(pull), db)
            return pull
        }
    }

    public func endSnapshot(_ id: String, rowCount: Int, finishedAt: Date?) async throws {
        try await pool.write { db in
            try self.execute(self.sql.endSnapshot(id, rowCount: rowCount, finishedAt: finishedAt), db)
        }
    }

    public func snapshotPulls(since: Date) async throws -> [SnapshotPull] {
        try await pool.read { db in try self.fetch(self.sql.snapshotPulls(since: since), .records, db) }
    }

    // MARK: Bulk load

    /// One transaction for the page; one prepared statement per table, rows bound straight to it.
    public func load(_ page: ReferenceDataPage) async throws {
        try await pool.write { db in
            let count = page.rowCount
            guard count > 0 else { return }
            var sequence = try self.reserve(count, db) - 1
            func insert<Record: CentreRecord>(_ records: [Record]) throws {
                guard !records.isEmpty else { return }
                let statement = try db.cachedStatement(
                    sql:
                        "INSERT INTO \(Record.tableName) (\(Record.columnList()), changeSequence) VALUES (?\(String(repeating: ", ?", count: Record.columnNames.count)))"
                )
                for record in records {
                    sequence += 1
                    try statement.execute(
                        arguments: StatementArguments((try record.values() + [.integer(sequence)]).map(\.databaseValue))
                    )
                }
            }
            try insert(page.people)
            try insert(page.enrolments)
            try insert(page.contributions)
            try insert(page.pensionPayments)
            try insert(page.retireeChecks)
            try insert(page.jobSeekers)
            try insert(page.jobPostings)
            try insert(page.trainingCourses)
            try insert(page.appointments)
            try insert(page.disputes)
            let regions = Dictionary(
                page.people.map { ($0.idNumber, $0.regionCode) }, uniquingKeysWith: { first, _ in first })
            try insert(
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

    /// The row of `Record`'s table under `key`, or nil.
    private func record<Record: CentreRecord>(_: Record.Type, key: String) async throws -> Record? {
        try await pool.read { db in
            try self.fetch(self.sql.select(Record.self, key: key), RowMapping<Record>.records, db).first
        }
    }

    /// The values of the statement's rows, read as they come (GRDB hands the cursor's one row each time).
    private func fetch<Value>(_ statement: CentreSQL.Statement, _ mapping: RowMapping<Value>, _ db: Database) throws
        -> [Value]
    {
        var mapping = mapping
        var values: [Value] = []
        let rows = try Row.fetchCursor(db, sql: statement.sql, arguments: statement.grdbArguments)
        while let row = try rows.next() { values.append(try mapping.value(of: GRDBRowReader(row: row))) }
        return values
    }
}
