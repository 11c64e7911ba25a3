import Foundation
import KioskCore
import Logging
import PostgresNIO
import Vocabulary

/// The centre on PostgreSQL, for a city or province: many terminals writing at once, read replicas
/// and partitioning by region later (docs/SYNC.md's scale plan). Same schema, statements and rules
/// as ``SQLiteCentreStore``; bulk loads go through COPY.
public final class PostgresCentreStore: CentreStore {
    let client: PostgresClient
    let logger: Logger
    let sql = CentreSQL(dialect: .postgres)
    /// Seals the centre's ledger; kept in a file of the centre's machine, apart from the database.
    let ledgerKey: LedgerKey

    /// Settings for every connection. The centre's reads are many short key lookups (500 people's
    /// rows at a time), which PostgreSQL's defaults, made for spinning disks, plan as a parallel
    /// scan of the whole contribution table (640 ms a page against 9 ms by the primary key,
    /// measured at a township's size): random reads cost little more than sequential ones on the
    /// SSDs a centre runs on, and compiling such queries (JIT) costs more than running them.
    static let sessionSettings = [("random_page_cost", "1.1"), ("jit", "off")]

    private init(configuration: PostgresClient.Configuration, ledgerKey: LedgerKey, logger: Logger) {
        self.ledgerKey = ledgerKey
        var configuration = configuration
        configuration.options.additionalStartupParameters += Self.sessionSettings
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Connects to the database at `url` (``PostgresURL``: TLS by `sslmode`, the password from a
    /// password file), brings its schema up to date, and runs `body` with the store, whose ledger
    /// `ledgerKey` seals; the connections
    /// close when `body` returns. A server that cannot be reached as the URL says stops it at once.
    public static func withStore<Result: Sendable>(
        url: String, ledgerKey: LedgerKey, logger: Logger,
        _ body: @Sendable (PostgresCentreStore) async throws -> Result
    ) async throws -> Result {
        let location = try PostgresURL(url)
        try await location.checkConnection(logger: logger)
        let store = PostgresCentreStore(
            configuration: location.clientConfiguration, ledgerKey: ledgerKey, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            try await store.migrate()
            return try await body(store)
        }
    }

    private func migrate() async throws {
        try await transaction { connection in
            // One migrator at a time, however many centres start together.
            try await connection.query("SELECT pg_advisory_xact_lock(7012)", logger: logger).drain()
            try await connection.query(PostgresQuery(unsafeSQL: CentreSchema.migrationTable), logger: logger).drain()
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM centreMigration", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            guard applied.isSubset(of: CentreSchema.migrations.map(\.name)) else { throw CentreError.schemaTooNew }
            for migration in CentreSchema.migrations where !applied.contains(migration.name) {
                for statement in migration.postgresStatements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).drain()
                }
                try await connection.query(
                    "INSERT INTO centreMigration (name) VALUES (\(migration.name))", logger: logger
                ).drain()
            }
        }
    }

    // MARK: Ledger

    public func record(_ event: CentreLedgerEvent, at now: Date) async throws {
        try await transaction { connection in try await self.appendLedger(event, at: now, connection) }
    }

    public func ledger(from sequence: Int64, limit: Int) async throws -> [LedgerEntry] {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.ledgerEntries(from: sequence, limit: limit), .records, connection)
        }
    }

    public func verifyLedger() async throws -> LedgerVerifier.Finding {
        // One snapshot for the head and the chain, so that writes going on meanwhile do not show as a gap.
        try await transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", logger: self.logger).drain()
            let head = try await self.fetch(
                self.sql.ledgerHead(locked: false),
                RowMapping<CentreLedgerHead>.records, connection
            ).first
            return head.verify(
                try await self.fetch(self.sql.ledgerEntries(), .records, connection), key: self.ledgerKey)
        }
    }

    /// Chains `event` onto the ledger inside the caller's transaction, after the head it locks.
    private func appendLedger(_ event: CentreLedgerEvent, at now: Date, _ connection: PostgresConnection)
        async throws
    {
        let head = try await fetch(sql.ledgerHead(locked: true), RowMapping<CentreLedgerHead>.records, connection).first
        for statement in try sql.ledgerWrites(event, after: head, key: ledgerKey, at: now) {
            try await execute(statement, connection)
        }
    }

    // MARK: Terminals and certificates

    public func register(_ terminal: RegisteredTerminal) async throws {
        try await transaction { connection in
            let registered: [RegisteredTerminal] = try await self.fetch(
                self.sql.select(RegisteredTerminal.self, key: terminal.id), .records, connection)
            guard registered.isEmpty else { throw CentreError.terminalExists }
            try await self.execute(try self.sql.insert(terminal), connection)
        }
    }

    public func terminal(tokenHash: String) async throws -> RegisteredTerminal? {
        try await client.withConnection { connection in
            try await self.fetch(
                self.sql.terminal(tokenHash: tokenHash), RowMapping<RegisteredTerminal>.records, connection
            ).first
        }
    }

    public func terminal(id: String) async throws -> RegisteredTerminal? {
        try await client.withConnection { connection in
            try await self.fetch(
                self.sql.select(RegisteredTerminal.self, key: id), RowMapping<RegisteredTerminal>.records, connection
            ).first
        }
    }

    public func issueEnrolmentCode(_ code: StoredEnrolmentCode, rotating: Bool, audit: CentreLedgerEvent) async throws {
        try await transaction { connection in
            try await self.appendLedger(audit, at: Date(), connection)
            let existing: [RegisteredTerminal] = try await self.fetch(
                self.sql.selectForUpdate(RegisteredTerminal.self, key: code.terminalID), .records, connection)
            for statement in try TerminalEnrolling.issue(code, existing: existing.first, rotating: rotating, self.sql) {
                try await self.execute(statement, connection)
            }
        }
    }

    public func enrol<Issued: Sendable>(
        codeHash: String, at now: Date,
        credentials: @Sendable (StoredEnrolmentCode) throws -> (terminal: RegisteredTerminal, issued: Issued)
    ) async throws -> Issued {
        try await transaction { connection in
            let found: [StoredEnrolmentCode] = try await self.fetch(
                self.sql.selectForUpdate(StoredEnrolmentCode.self, key: codeHash), .records, connection)
            let (statements, issued) = try TerminalEnrolling.redeem(
                found.first, at: now, self.sql, credentials: credentials)
            for statement in statements { try await self.execute(statement, connection) }
            return issued
        }
    }

    public func revokeTerminal(_ id: String, at now: Date, audit: CentreLedgerEvent) async throws {
        try await transaction { connection in
            try await self.appendLedger(audit, at: now, connection)
            let existing: [RegisteredTerminal] = try await self.fetch(
                self.sql.selectForUpdate(RegisteredTerminal.self, key: id), .records, connection)
            for statement in try TerminalEnrolling.revoke(existing.first, at: now, self.sql) {
                try await self.execute(statement, connection)
            }
        }
    }

    public func terminals(in area: Jurisdiction) async throws -> [RegisteredTerminal] {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.rows(RegisteredTerminal.self, in: area), .records, connection)
        }
    }

    public func recordHeartbeat(_ heartbeat: StoredHeartbeat) async throws {
        try await client.withConnection { connection in
            try await self.execute(try self.sql.upsert(heartbeat), connection)
        }
    }

    public func heartbeats(in area: Jurisdiction) async throws -> [StoredHeartbeat] {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.heartbeats(in: area), .records, connection)
        }
    }

    // MARK: Console staff

    public func addStaff(_ account: CentreStaffAccount, audit: CentreLedgerEvent) async throws {
        try await transaction { connection in
            try await self.appendLedger(audit, at: Date(), connection)
            let existing: [CentreStaffAccount] = try await self.fetch(
                self.sql.selectForUpdate(CentreStaffAccount.self, key: account.member.id), .records, connection)
            guard existing.isEmpty else { throw CentreError.staffExists }
            try await self.execute(
                try self.sql.insert(account, sequence: try await self.reserve(1, connection)), connection)
        }
    }

    public func staffAccount(id: String) async throws -> CentreStaffAccount? {
        try await client.withConnection { connection in
            try await self.fetch(
                self.sql.select(CentreStaffAccount.self, key: id), RowMapping<CentreStaffAccount>.records, connection
            ).first
        }
    }

    public func saveStaff(_ account: CentreStaffAccount, audit: CentreLedgerEvent) async throws {
        try await transaction { connection in
            try await self.appendLedger(audit, at: Date(), connection)
            try await self.execute(
                try self.sql.upsert(account, sequence: try await self.reserve(1, connection)), connection)
        }
    }

    public func staff(in area: Jurisdiction) async throws -> [CentreStaffAccount] {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.rows(CentreStaffAccount.self, in: area), .records, connection)
        }
    }

    public func certificate(serial: String) async throws -> SignedCertificate? {
        try await record(SignedCertificate.self, key: serial)
    }

    public func application(id: String) async throws -> Application? {
        try await record(StoredApplication.self, key: id)?.application
    }

    public func checkHealth() async throws {
        try await client.query(PostgresQuery(unsafeSQL: sql.currentSequence), logger: logger).drain()
    }

    // MARK: Commands

    public func apply(_ commands: [SyncCommand], from terminal: RegisteredTerminal, at now: Date) async throws
        -> [SyncCommandResult]
    {
        guard !commands.isEmpty else { return [] }
        return try await transaction { connection in
            var progress = PushProgress(
                answered: try await self.fetch(
                    self.sql.appliedCommands(commands.map(\.idempotencyKey)), .records, connection),
                facts: try await self.facts(for: commands.compactMap(CentreCommand.init), connection),
                firstSequence: try await self.reserve(commands.count, connection))
            var results: [SyncCommandResult] = []
            for command in commands {
                results.append(try await self.apply(command, from: terminal, &progress, connection))
            }
            if let record = progress.recordStatement(from: terminal, at: now, self.sql) {
                try await self.execute(record, connection)
            }
            return results
        }
    }

    /// One command, in the push's transaction (its key is recorded with the push's others).
    private func apply(
        _ command: SyncCommand, from terminal: RegisteredTerminal, _ progress: inout PushProgress,
        _ connection: PostgresConnection
    ) async throws -> SyncCommandResult {
        if let answer = progress.answered[command.idempotencyKey] { return answer }
        let decision: Result<CommandEffect, CommandRefusal>
        if let decoded = CentreCommand(command) {
            decision = CommandRules.decide(
                decoded, baseVersion: command.baseVersion, facts: progress.facts(for: decoded), terminal: terminal)
        } else {
            decision = .failure(.malformedPayload)
        }
        let (statement, result) = try progress.carryOut(command, decision, sql)
        if let statement { try await execute(statement, connection) }
        return result
    }

    private func facts(for commands: [CentreCommand], _ connection: PostgresConnection) async throws -> PushFacts {
        var facts = PushFacts()
        for lookup in PushFacts.lookups(for: commands, sql) {
            for try await row in try await connection.query(lookup.statement.postgresQuery, logger: logger) {
                try lookup.keep(PostgresRowReader(row), &facts)
            }
        }
        return facts
    }

    // MARK: Ledger anchors

    public func anchorLedger(
        _ head: LedgerHead, atAnchor: LedgerHead?, of terminal: RegisteredTerminal, at now: Date
    ) async throws -> LedgerAnchorResult {
        try await transaction { connection in
            try await self.execute(self.sql.lockTerminal(terminal.id), connection)
            let anchored: [StoredLedgerAnchor] = try await self.fetch(
                self.sql.select(StoredLedgerAnchor.self, key: terminal.id), .records, connection)
            let (statements, result) = try LedgerAnchoring.carryOut(
                head, atAnchor: atAnchor, anchored: anchored.first, of: terminal, at: now, self.sql)
            for statement in statements { try await self.execute(statement, connection) }
            return result
        }
    }

    public func ledgerAnchor(of terminal: RegisteredTerminal) async throws -> LedgerAnchor {
        try await snapshotRead { connection in
            let anchored: [StoredLedgerAnchor] = try await self.fetch(
                self.sql.select(StoredLedgerAnchor.self, key: terminal.id), .records, connection)
            let refusals: [LedgerAnchorRefusals] = try await self.fetch(
                self.sql.ledgerAnchorRefusals(terminal.id), .records, connection)
            return LedgerAnchor(anchored.first, refusals.first)
        }
    }

    // MARK: Card production

    public func startBatch(in area: Jurisdiction, at now: Date, audit: CentreLedgerEvent) async throws -> CardBatch? {
        try await transaction { connection in
            try await self.appendLedger(audit, at: now, connection)
            let applied: [StoredCard] = try await self.fetch(self.sql.appliedCards(in: area), .records, connection)
            guard let (batch, cards) = try CardProduction.start(applied, in: area, at: now) else { return nil }
            try await self.write(cards, of: batch, starting: true, connection)
            return batch
        }
    }

    public func deliverBatch(_ id: String, at now: Date, audit: CentreLedgerEvent) async throws -> CardBatch {
        try await transaction { connection in
            try await self.appendLedger(audit, at: now, connection)
            guard
                var batch = try await self.fetch(
                    self.sql.select(CardBatch.self, key: id), RowMapping<CardBatch>.records, connection
                ).first
            else { throw CentreError.unknownBatch }
            batch.status = .delivered
            let cards = try CardProduction.deliver(
                try await self.fetch(self.sql.cards(ofBatch: id), .records, connection), at: now)
            try await self.write(cards, of: batch, starting: false, connection)
            return batch
        }
    }

    @discardableResult
    public func refreshFigures() async throws -> Int {
        var refreshed = 0
        while true {
            let regions = try await transaction { connection in
                let regions = Set(
                    try await self.fetch(
                        self.sql.takeChangedRegions(limit: FigureCount.regionsPerRefresh),
                        RowMapping<String>.regionCodes, connection
                    ))
                for region in regions {
                    let counts = FigureCount.counts(
                        ofRegion: region,
                        applications: try await self.fetch(
                            self.sql.rows(StoredApplication.self, ofRegion: region),
                            RowMapping<StoredApplication>.records, connection
                        ).map(\.application),
                        cards: try await self.fetch(
                            self.sql.rows(StoredCard.self, ofRegion: region), .records, connection),
                        documents: try await self.fetch(
                            self.sql.rows(SignedCertificate.self, ofRegion: region), .records, connection))
                    for statement in try self.sql.replaceFigureCounts(ofRegion: region, with: counts) {
                        try await self.execute(statement, connection)
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
        return try await client.withConnection { connection in
            try await self.fetch(
                self.sql.figureSums(family, month: month, in: area, by: group, dueBefore: dueBefore), .records,
                connection)
        }
    }

    public func uncovered(in area: Jurisdiction, _ scheme: CoverageScheme, limit: Int) async throws -> [Person] {
        try await client.withConnection { connection in
            try await self.fetch(
                self.sql.uncovered(in: area, scheme, limit: limit), RowMapping<Person>.records, connection)
        }
    }

    public func lateApplications(in area: Jurisdiction, at now: Date, limit: Int) async throws -> [Application] {
        try await client.withConnection { connection in
            let late: [StoredApplication] = try await self.fetch(
                self.sql.lateApplications(in: area, at: now, limit: limit), .records, connection)
            return late.map(\.application)
        }
    }

    public func suspensionCandidates(in area: Jurisdiction, at now: Date, limit: Int) async throws
        -> [ConsoleSuspensionCandidate]
    {
        try await client.withConnection { connection in
            try await self.fetch(
                self.sql.suspensionCandidates(in: area, at: now, limit: limit), RowMapping<RetireeCheck>.placed,
                connection
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
        try await client.withConnection { connection in
            let batches = try await self.fetch(
                self.sql.batches(in: area, since: since), RowMapping<CardBatch>.records, connection)
            var cards: [(CardBatch, [StoredCard])] = []
            for batch in batches {
                cards.append((batch, try await self.fetch(self.sql.cards(ofBatch: batch.id), .records, connection)))
            }
            return CardProductionOverview(
                waiting: try await self.fetch(self.sql.appliedCards(in: area), .records, connection), batches: cards)
        }
    }

    private func write(_ cards: [StoredCard], of batch: CardBatch, starting: Bool, _ connection: PostgresConnection)
        async throws
    {
        let first = cards.isEmpty ? 0 : try await reserve(cards.count, connection)
        for statement in try sql.production(cards, of: batch, starting: starting, firstSequence: first) {
            try await execute(statement, connection)
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
        try await client.withConnection { connection in
            let tables: [PensionGradeTable] = try await self.fetch(
                self.sql.published(PensionGradeTable.self), .records, connection)
            return tables.first
        }
    }

    public func publish(_ notice: PolicyNotice, audit: CentreLedgerEvent) async throws {
        try await publishEverywhere(notice, audit: audit)
    }

    public func notices() async throws -> [PolicyNotice] {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.published(PolicyNotice.self), .records, connection)
        }
    }

    public func serviceGuides() async throws -> [ServiceGuide] {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.published(ServiceGuide.self), .records, connection)
        }
    }

    /// Writes a record every terminal pulls alike, in place of what was published under its key.
    private func publishEverywhere<Record: CentreRecord>(_ record: Record, audit: CentreLedgerEvent) async throws {
        try await transaction { connection in
            try await self.appendLedger(audit, at: Date(), connection)
            try await self.execute(
                try self.sql.upsert(record, sequence: try await self.reserve(1, connection)), connection)
        }
    }

    public func publishRetireeChecks(year: Int, dueBy: Date, audit: CentreLedgerEvent) async throws -> Int {
        try await transaction { connection in
            try await self.appendLedger(audit, at: Date(), connection)
            let retirees = try await self.fetch(
                self.sql.retireesWithoutCheck(of: year), RowMapping<String>.idNumbers, connection)
            guard !retirees.isEmpty else { return 0 }
            let first = try await self.reserve(retirees.count, connection)
            for (offset, idNumber) in retirees.enumerated() {
                let check = RetireeCheck(idNumber: idNumber, year: year, dueBy: dueBy)
                try await self.execute(try self.sql.insert(check, sequence: first + Int64(offset)), connection)
            }
            return retirees.count
        }
    }

    public func satisfactionSums(month: YearMonth, in area: Jurisdiction, by group: ServiceFigures.Grouping)
        async throws -> [FigureSum]
    {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.satisfactionSums(month: month, in: area, by: group), .records, connection)
        }
    }

    public func serviceRoutes() async throws -> ServiceRoutes {
        try await client.withConnection { connection in
            ServiceRoutes(published: try await self.fetch(self.sql.serviceRoutes, .records, connection))
        }
    }

    // MARK: Working calendar

    public func publish(_ year: WorkingCalendar.PublishedYear, audit: CentreLedgerEvent) async throws {
        try await publishEverywhere(year, audit: audit)
    }

    public func workingCalendar() async throws -> WorkingCalendar {
        try await client.withConnection { connection in
            WorkingCalendar.published.replacing(
                with: try await self.fetch(self.sql.calendarYears, .records, connection))
        }
    }

    // MARK: Removals

    public func remove(_ record: ReferenceRemoval.Record, at now: Date, audit: CentreLedgerEvent) async throws {
        try await transaction { connection in
            try await self.appendLedger(audit, at: now, connection)
            guard let lookup = self.sql.region(of: record),
                let region = try await self.fetch(lookup, .regionCodes, connection).first
            else { throw CentreError.unknownRecord }
            for statement in self.sql.delete(record) { try await self.execute(statement, connection) }
            let removal = StoredRemoval(record: record, regionCode: region, movedTo: nil, removedAt: now)
            try await self.execute(
                try self.sql.insert(removal, sequence: try await self.reserve(1, connection)), connection)
        }
    }

    public func movePerson(_ idNumber: String, to region: String, at now: Date, audit: CentreLedgerEvent) async throws {
        try await transaction { connection in
            try await self.appendLedger(audit, at: now, connection)
            guard
                let person = try await self.fetch(
                    self.sql.selectForUpdate(Person.self, key: idNumber), RowMapping<Person>.records, connection
                ).first
            else { throw CentreError.unknownRecord }
            guard person.regionCode != region else { return }
            let move = PersonMove(
                person, to: region,
                enrolments: try await self.fetch(self.sql.rows(Enrolment.self, of: [idNumber]), .records, connection),
                contributions: try await self.fetch(
                    self.sql.rows(Contribution.self, of: [idNumber]), .records, connection),
                pensionPayments: try await self.fetch(
                    self.sql.rows(PensionPayment.self, of: [idNumber]), .records, connection),
                retireeChecks: try await self.fetch(
                    self.sql.rows(RetireeCheck.self, of: [idNumber]), .records, connection),
                jobSeekers: try await self.fetch(
                    self.sql.rows(JobSeeker.self, of: [idNumber]), .records, connection),
                cards: try await self.fetch(self.sql.rows(StoredCard.self, of: [idNumber]), .records, connection),
                at: now)
            let first = try await self.reserve(move.changeCount, connection)
            for statement in try self.sql.move(move, firstSequence: first) {
                try await self.execute(statement, connection)
            }
        }
    }

    // MARK: Pulls

    public func changes(after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int, at now: Date) async throws
        -> SyncChanges
    {
        try await snapshotRead { connection in
            var page = ChangePage()
            for query in ChangePage.queries(after: cursor, in: jurisdiction, limit: limit, self.sql) {
                page.add(try await self.fetch(query.statement, query.changes, connection))
            }
            return page.changes(after: cursor, limit: limit, at: now)
        }
    }

    public func currentCursor() async throws -> SyncCursor {
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql.currentSequence), logger: logger).collect()
        return SyncCursor(try rows.first?.decode(Int64.self) ?? 0)
    }

    public func snapshotPage(of jurisdiction: Jurisdiction, after position: SnapshotPosition?, people: Int)
        async throws
        -> ReferenceDataPage?
    {
        try await snapshotRead { connection in
            let found: [Person] = try await self.fetch(
                self.sql.snapshotPeople(in: jurisdiction, after: position, limit: people), .records, connection)
            var page = ReferenceDataPage(people: found, cursor: "", asOf: Date())
            if position == nil {
                page.jobPostings = try await self.fetch(
                    self.sql.placedRows(JobPosting.self, in: jurisdiction, andAbove: true), .records, connection)
                page.trainingCourses = try await self.fetch(
                    self.sql.placedRows(TrainingCourse.self, in: jurisdiction, andAbove: true), .records, connection)
                page.appointments = try await self.fetch(
                    self.sql.placedRows(Appointment.self, in: jurisdiction, andAbove: false), .records, connection)
                page.disputes = try await self.fetch(
                    self.sql.placedRows(LabourDispute.self, in: jurisdiction, andAbove: false), .records, connection)
                page.staff = try await self.fetch(
                    self.sql.staffAccounts(serving: jurisdiction), RowMapping<CentreStaffAccount>.records, connection
                ).compactMap { $0.terminalAccount(serving: jurisdiction) }
                page.calendarYears = try await self.fetch(self.sql.calendarYears, .records, connection)
                page.serviceRoutes = try await self.fetch(self.sql.serviceRoutes, .records, connection)
                page.serviceGuides = try await self.fetch(self.sql.published(ServiceGuide.self), .records, connection)
                page.notices = try await self.fetch(self.sql.published(PolicyNotice.self), .records, connection)
                page.pensionGrades = try await self.fetch(
                    self.sql.published(PensionGradeTable.self), .records, connection)
                let open: [StoredApplication] = try await self.fetch(
                    self.sql.openApplications(in: jurisdiction), .records, connection)
                page.applications = open.map { VersionedApplication($0.application, version: $0.version) }
            } else if found.isEmpty {
                return nil
            }
            guard !found.isEmpty else { return page }
            let ids = found.map(\.idNumber)
            page.enrolments = try await self.fetch(self.sql.rows(Enrolment.self, of: ids), .records, connection)
            page.contributions = try await self.fetch(self.sql.rows(Contribution.self, of: ids), .records, connection)
            page.pensionPayments = try await self.fetch(
                self.sql.rows(PensionPayment.self, of: ids), .records, connection)
            page.retireeChecks = try await self.fetch(self.sql.rows(RetireeCheck.self, of: ids), .records, connection)
            page.jobSeekers = try await self.fetch(self.sql.rows(JobSeeker.self, of: ids), .records, connection)
            let cards: [StoredCard] = try await self.fetch(
                self.sql.rows(StoredCard.self, of: ids), .records, connection)
            page.cardRecords = cards.map(\.card)
            return page
        }
    }

    /// Reads in one snapshot of the database, as SQLite's readers do: rows committed while the
    /// reads run are all seen or all not, so a page never skips a change number.
    private func snapshotRead<Result>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await client.withConnection { connection in
            try await connection.query("START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                .drain()
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger).drain()
                return result
            } catch {
                try await connection.query("ROLLBACK", logger: logger).drain()
                throw error
            }
        }
    }

    // MARK: Snapshot audit

    public func startSnapshot(
        by terminal: RegisteredTerminal, of jurisdiction: Jurisdiction, resuming cursor: SyncCursor?,
        limit: SnapshotLimit, at now: Date
    ) async throws -> SnapshotPull {
        try await transaction { connection in
            // One start at a time per terminal: two at once must not both see room in the window.
            try await connection.query(
                "SELECT id FROM terminal WHERE id = \(terminal.id) FOR UPDATE", logger: self.logger
            ).drain()
            var earlier: [(startedAt: Date, resumed: Bool)] = []
            let starts = self.sql.snapshotStarts(of: terminal.id, since: now.addingTimeInterval(-limit.window))
            for try await (milliseconds, resumed) in try await connection.query(
                starts.postgresQuery, logger: self.logger
            ).decode((Int64, Int64).self) {
                earlier.append((Date(milliseconds: milliseconds), resumed != 0))
            }
            let current = try await connection.query(
                PostgresQuery(unsafeSQL: self.sql.currentSequence), logger: self.logger
            ).collect()
            let pull = try limit.start(
                by: terminal, of: jurisdiction,
                cursor: try cursor ?? SyncCursor(try current.first?.decode(Int64.self) ?? 0), resuming: cursor != nil,
                after: earlier, at: now)
            try await self.execute(try self.sql.insert(pull), connection)
            return pull
        }
    }

    public func endSnapshot(_ id: String, rowCount: Int, finishedAt: Date?) async throws {
        try await transaction { connection in
            try await self.execute(self.sql.endSnapshot(id, rowCount: rowCount, finishedAt: finishedAt), connection)
        }
    }

    public func snapshotPulls(since: Date) async throws -> [SnapshotPull] {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.snapshotPulls(since: since), .records, connection)
        }
    }

    // MARK: Bulk load

    /// One transaction for the page; each table's rows through one COPY.
    public func load(_ page: ReferenceDataPage) async throws {
        let count = page.rowCount
        guard count > 0 else { return }
        try await transaction { connection in
            var sequence = try await self.reserve(count, connection) - 1
            sequence = try await self.copy(page.people, from: sequence, connection)
            sequence = try await self.copy(page.enrolments, from: sequence, connection)
            sequence = try await self.copy(page.contributions, from: sequence, connection)
            sequence = try await self.copy(page.pensionPayments, from: sequence, connection)
            sequence = try await self.copy(page.retireeChecks, from: sequence, connection)
            sequence = try await self.copy(page.jobSeekers, from: sequence, connection)
            sequence = try await self.copy(page.jobPostings, from: sequence, connection)
            sequence = try await self.copy(page.trainingCourses, from: sequence, connection)
            sequence = try await self.copy(page.appointments, from: sequence, connection)
            sequence = try await self.copy(page.disputes, from: sequence, connection)
            var regions = Dictionary(page.people.map { ($0.idNumber, $0.regionCode) }, uniquingKeysWith: { a, _ in a })
            for card in page.cardRecords where regions[card.idNumber] == nil {
                for try await region in try await connection.query(
                    self.sql.personRegion(card.idNumber).postgresQuery, logger: self.logger
                ).decode(String.self) {
                    regions[card.idNumber] = region
                }
            }
            let cards = try page.cardRecords.map { card in
                guard let region = regions[card.idNumber] else { throw CentreError.unknownHolder }
                return StoredCard(card: card, regionCode: region)
            }
            _ = try await self.copy(cards, from: sequence, connection)
        }
    }

    /// COPY in text format, about a megabyte per write; answers the last sequence number used.
    private func copy<Record: CentreRecord>(
        _ records: [Record], from sequence: Int64, _ connection: PostgresConnection
    ) async throws -> Int64 {
        guard !records.isEmpty else { return sequence }
        var sequence = sequence
        // COPY quotes the names it is given, and PostgreSQL folded the unquoted names of the schema.
        let columns = (Record.columnNames + ["changeSequence"]).map { $0.lowercased() }
        try await connection.copyFrom(table: Record.tableName.lowercased(), columns: columns, logger: logger) {
            writer in
            var buffer = ByteBuffer()
            for record in records {
                sequence += 1
                CopyText.appendRow(try record.values() + [.integer(sequence)], to: &buffer)
                if buffer.readableBytes > 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
        return sequence
    }

    // MARK: Helpers

    /// `body` in a transaction, committed when it returns and rolled back when it throws; the
    /// body's own error comes out as it was thrown (``CentreError/terminalExists``, say), not
    /// wrapped in the driver's transaction error.
    private func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws
        -> Result
    {
        do {
            return try await client.withTransaction(logger: logger) { try await body($0) }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }

    /// Takes `count` change numbers; answers the first.
    private func reserve(_ count: Int, _ connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query(sql.reserveSequence(count).postgresQuery, logger: logger).collect()
        guard let row = rows.first else { throw CentreError.internalError }
        return try row.decode(Int64.self) - Int64(count) + 1
    }

    private func execute(_ statement: CentreSQL.Statement, _ connection: PostgresConnection) async throws {
        try await connection.query(statement.postgresQuery, logger: logger).drain()
    }

    /// The row of `Record`'s table under `key`, or nil.
    private func record<Record: CentreRecord>(_: Record.Type, key: String) async throws -> Record? {
        try await client.withConnection { connection in
            try await self.fetch(self.sql.select(Record.self, key: key), RowMapping<Record>.records, connection).first
        }
    }

    /// The values of the statement's rows, read as they arrive.
    private func fetch<Value>(
        _ statement: CentreSQL.Statement, _ mapping: RowMapping<Value>, _ connection: PostgresConnection
    ) async throws -> [Value] {
        var mapping = mapping
        var values: [Value] = []
        for try await row in try await connection.query(statement.postgresQuery, logger: logger) {
            values.append(try mapping.value(of: PostgresRowReader(row)))
        }
        return values
    }
}
