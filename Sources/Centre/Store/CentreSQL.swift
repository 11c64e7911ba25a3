import Foundation
import KioskCore
import Vocabulary

/// The statements both stores run, written once: the dialects differ here only in how a parameter
/// is named (`?` or `$1`). Region prefixes are byte ranges (`>= prefix AND < prefix + U+FFFF`), which
/// an index serves in both.
struct CentreSQL: Sendable {
    enum Dialect: Sendable {
        case sqlite
        case postgres
    }

    let dialect: Dialect

    /// The statement text and its arguments.
    struct Statement: Sendable {
        var sql: String
        var arguments: [SQLValue]
    }

    /// Parameter `index` (from 1).
    func parameter(_ index: Int) -> String {
        switch dialect {
        case .sqlite: "?"
        case .postgres: "$\(index)"
        }
    }

    func parameters(_ range: ClosedRange<Int>) -> String { range.map(parameter).joined(separator: ", ") }

    /// The bounds of a jurisdiction on a region-code column.
    static func regionRange(_ jurisdiction: Jurisdiction) -> [SQLValue] {
        [.text(jurisdiction.regionPrefix), .text(jurisdiction.regionPrefix + "\u{FFFF}")]
    }

    // MARK: Change sequence

    /// Moves the counter on by `count` and answers the last number taken; the row lock this takes
    /// is held to the end of the transaction, which orders the writers.
    func reserveSequence(_ count: Int) -> Statement {
        Statement(
            sql: "UPDATE changeCounter SET value = value + \(parameter(1)) WHERE id = 1 RETURNING value",
            arguments: [.integer(Int64(count))])
    }

    let currentSequence = "SELECT value FROM changeCounter WHERE id = 1"

    // MARK: Rows

    /// Inserts a row (with its change sequence when given).
    func insert<Record: CentreRecord>(_ record: Record, sequence: Int64? = nil) throws -> Statement {
        var columns = Record.columnNames
        var values = try record.values()
        if let sequence {
            columns.append("changeSequence")
            values.append(.integer(sequence))
        }
        return Statement(
            sql:
                "INSERT INTO \(Record.tableName) (\(columns.joined(separator: ", "))) VALUES (\(parameters(1...values.count)))",
            arguments: values)
    }

    /// Inserts a row or replaces every other column of the one with the same key.
    func upsert<Record: CentreRecord>(_ record: Record, sequence: Int64? = nil) throws -> Statement {
        var statement = try insert(record, sequence: sequence)
        let key = Record.primaryKey.map(\.stringValue)
        let assignments =
            (Record.columnNames.filter { !key.contains($0) } + (sequence == nil ? [] : ["changeSequence"]))
            .map { "\($0) = excluded.\($0)" }
        statement.sql +=
            " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(assignments.joined(separator: ", "))"
        return statement
    }

    /// A row by the key of a table keyed by one column.
    func select<Record: CentreRecord>(_: Record.Type, key: String) -> Statement {
        Statement(
            sql:
                "SELECT \(Record.columnList()) FROM \(Record.tableName) WHERE \(Record.primaryKey[0].stringValue) = \(parameter(1))",
            arguments: [.text(key)])
    }

    // MARK: Commands

    /// The recorded answers of those of `keys` seen before.
    func appliedCommands(_ keys: [String]) -> Statement {
        Statement(
            sql: """
                SELECT \(AppliedCommand.columnList()) FROM appliedCommand
                WHERE idempotencyKey IN (\(parameters(1...keys.count)))
                """,
            arguments: keys.map(SQLValue.text))
    }

    /// The records of the keys a push judged, with their answers, in one statement.
    func recordCommands(
        _ judged: [(kind: SyncCommandKind, result: SyncCommandResult)], terminal: RegisteredTerminal,
        at milliseconds: Int64
    ) -> Statement {
        let rows = (0..<judged.count).map { "(\(parameters($0 * 7 + 1...$0 * 7 + 7)))" }
        return Statement(
            sql: """
                INSERT INTO appliedCommand (idempotencyKey, terminalID, kind, outcome, reason, version, appliedAt)
                VALUES \(rows.joined(separator: ", "))
                """,
            arguments: judged.flatMap { kind, result in
                [
                    .text(result.idempotencyKey), .text(terminal.id), .text(kind.rawValue),
                    .text(result.outcome.rawValue), SQLValue(result.reason), SQLValue(result.version),
                    .integer(milliseconds),
                ]
            })
    }

    /// The rows under any of `keys`, of a table keyed by one column.
    func select<Record: CentreRecord>(_: Record.Type, keys: [String]) -> Statement {
        Statement(
            sql: """
                SELECT \(Record.columnList()) FROM \(Record.tableName)
                WHERE \(Record.primaryKey[0].stringValue) IN (\(parameters(1...keys.count)))
                """,
            arguments: keys.map(SQLValue.text))
    }

    /// The open applications (id, kind and person) of any of the people `idNumbers`.
    func openApplications(of idNumbers: [String]) -> Statement {
        let open = ApplicationStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return Statement(
            sql: """
                SELECT id, kind, idNumber FROM application
                WHERE idNumber IN (\(parameters(1...idNumbers.count))) AND status IN (\(open))
                """,
            arguments: idNumbers.map(SQLValue.text))
    }

    /// The regions of any of the people `idNumbers` (with their ID numbers).
    func personRegions(_ idNumbers: [String]) -> Statement {
        Statement(
            sql: "SELECT idNumber, regionCode FROM person WHERE idNumber IN (\(parameters(1...idNumbers.count)))",
            arguments: idNumbers.map(SQLValue.text))
    }

    func personRegion(_ idNumber: String) -> Statement {
        Statement(sql: "SELECT regionCode FROM person WHERE idNumber = \(parameter(1))", arguments: [.text(idNumber)])
    }

    /// The write an applied command makes, numbered `sequence`.
    func write(_ effect: CommandEffect, sequence: Int64) throws -> Statement {
        switch effect {
        case .insertApplication(let application):
            try insert(StoredApplication(application: application, version: 1), sequence: sequence)
        case .updateApplication(let application, let version):
            try upsert(StoredApplication(application: application, version: version), sequence: sequence)
        case .insertCard(let card, let region):
            try insert(StoredCard(card: card, regionCode: region), sequence: sequence)
        case .updateCard(let card, let region):
            try upsert(StoredCard(card: card, regionCode: region), sequence: sequence)
        case .insertCertificate(let certificate):
            // The register is the centre's own: it goes down to no terminal, so it has no change number.
            try insert(certificate)
        case .updateStaff(let account):
            try upsert(account, sequence: sequence)
        case .keepCardPhoto(let photo):
            // Kept for production at the centre: no terminal pulls it, so it has no change number.
            try upsert(photo)
        case .updateRetireeCheck(let check):
            try upsert(check, sequence: sequence)
        case .keepJobSeeker(let jobSeeker):
            try upsert(jobSeeker, sequence: sequence)
        case .keepJobPosting(let posting):
            try upsert(posting, sequence: sequence)
        case .keepTrainingCourse(let course):
            try upsert(course, sequence: sequence)
        case .keepAppointment(let appointment):
            try upsert(appointment, sequence: sequence)
        case .keepDispute(let dispute):
            try upsert(dispute, sequence: sequence)
        case .insertRating(let rating):
            // Counted at the centre: no terminal pulls it, so it has no change number.
            try insert(rating)
        }
    }

    // MARK: Card production

    /// The cards of an area waiting for production, in card-number order.
    func appliedCards(in area: Jurisdiction) -> Statement {
        Statement(
            sql: """
                SELECT \(StoredCard.columnList()) FROM card
                WHERE status = \(parameter(1)) AND regionCode >= \(parameter(2)) AND regionCode < \(parameter(3))
                ORDER BY cardNumber
                """,
            arguments: [.text(CardStatus.applied.rawValue)] + Self.regionRange(area))
    }

    /// The people inside `area` without `scheme`'s cover, by village and ID number, at most `limit`.
    func uncovered(in area: Jurisdiction, _ scheme: CoverageScheme, limit: Int) -> Statement {
        let insurances = scheme.insurances.map { SQLValue.text($0.rawValue) }
        return Statement(
            sql: """
                SELECT \(Person.columnList(alias: "p")) FROM person p
                WHERE p.regionCode >= \(parameter(1)) AND p.regionCode < \(parameter(2))
                    AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.idNumber = p.idNumber AND e.status = 'active'
                        AND e.insurance IN (\(parameters(3...(2 + insurances.count)))))
                ORDER BY p.regionCode, p.idNumber LIMIT \(limit)
                """,
            arguments: Self.regionRange(area) + insurances)
    }

    /// The batches started for areas inside `area` that are at the bureau, or were started since
    /// `since`, newest first.
    func batches(in area: Jurisdiction, since: Date) -> Statement {
        Statement(
            sql: """
                SELECT \(CardBatch.columnList()) FROM cardBatch
                WHERE regionCode >= \(parameter(1)) AND regionCode < \(parameter(2))
                    AND (status = \(parameter(3)) OR createdAt >= \(parameter(4)))
                ORDER BY createdAt DESC, id DESC
                """,
            arguments: Self.regionRange(area) + [
                .text(CardBatch.Status.inProduction.rawValue), .integer(since.milliseconds),
            ])
    }

    func cards(ofBatch id: String) -> Statement {
        Statement(
            sql: "SELECT \(StoredCard.columnList()) FROM card WHERE batchID = \(parameter(1)) ORDER BY cardNumber",
            arguments: [.text(id)])
    }

    /// The writes of a batch started or delivered: each moved card with the next change numbers
    /// (from `firstSequence`) and, when starting, its batch; then the batch's own row.
    func production(_ cards: [StoredCard], of batch: CardBatch, starting: Bool, firstSequence: Int64) throws
        -> [Statement]
    {
        var statements: [Statement] = []
        for (offset, card) in cards.enumerated() {
            statements.append(try upsert(card, sequence: firstSequence + Int64(offset)))
            if starting {
                statements.append(
                    Statement(
                        sql: "UPDATE card SET batchID = \(parameter(1)) WHERE cardNumber = \(parameter(2))",
                        arguments: [.text(batch.id), .text(card.card.cardNumber)]))
            }
        }
        statements.append(
            starting
                ? try insert(batch)
                : Statement(
                    sql: "UPDATE cardBatch SET status = \(parameter(1)) WHERE id = \(parameter(2))",
                    arguments: [.text(batch.status.rawValue), .text(batch.id)]))
        return statements
    }

    // MARK: Pulls

    /// Rows of a table changed after `cursor` in the jurisdiction, oldest change first, with their
    /// `changeSequence`. Tables without a region column are placed by their person's region.
    /// With `andAbove`, also the rows placed at the areas above the jurisdiction (a county's job
    /// postings reach the terminals of its townships and villages).
    func changes<Record: CentreRecord>(
        _: Record.Type, after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int, andAbove: Bool = false
    )
        -> Statement
    {
        let regional = Record.columnNames.contains("regionCode")
        let from =
            regional
            ? "\(Record.tableName) t"
            : "\(Record.tableName) t JOIN person p ON p.idNumber = t.idNumber"
        let region = regional ? "t.regionCode" : "p.regionCode"
        let above = andAbove ? Self.areasAbove(jurisdiction) : []
        let placed = placed(region, from: 2, above: above.count)
        return Statement(
            sql: """
                SELECT \(Record.columnList(alias: "t")), t.changeSequence FROM \(from)
                WHERE t.changeSequence > \(parameter(1)) AND \(placed)
                ORDER BY t.changeSequence LIMIT \(parameter(4 + above.count))
                """,
            arguments: [.integer(cursor.sequence)] + Self.regionRange(jurisdiction) + above
                + [.integer(Int64(limit))])
    }

    /// The codes of the county and township above a township's or village's jurisdiction.
    static func areasAbove(_ jurisdiction: Jurisdiction) -> [SQLValue] {
        let code = jurisdiction.regionPrefix
        return [6, 9].filter { $0 < code.count }.map { .text(String(code.prefix($0))) }
    }

    /// `column` in the jurisdiction's range (the parameters `first` and the next), or equal to one
    /// of the `above` codes that follow them.
    private func placed(_ column: String, from first: Int, above: Int) -> String {
        let equal = (0..<above).map { " OR \(column) = \(parameter(first + 2 + $0))" }.joined()
        return "(\(column) >= \(parameter(first)) AND \(column) < \(parameter(first + 1))\(equal))"
    }

    /// The next people of a snapshot, in (region, ID number) order, after `person`.
    func snapshotPeople(in jurisdiction: Jurisdiction, after position: SnapshotPosition?, limit: Int) -> Statement {
        var sql =
            "SELECT \(Person.columnList()) FROM person WHERE regionCode >= \(parameter(1)) AND regionCode < \(parameter(2))"
        var arguments = Self.regionRange(jurisdiction)
        if let position {
            sql += " AND (regionCode, idNumber) > (\(parameter(3)), \(parameter(4)))"
            arguments += [.text(position.regionCode), .text(position.idNumber)]
        }
        sql += " ORDER BY regionCode, idNumber LIMIT \(parameter(arguments.count + 1))"
        return Statement(sql: sql, arguments: arguments + [.integer(Int64(limit))])
    }

    /// Every row of the record's table for these people, in key order: one person's months of one insurance
    /// come together, as the runs of a page on the wire want them (PostgreSQL gives no order unasked).
    func rows<Record: CentreRecord>(_: Record.Type, of idNumbers: [String]) -> Statement {
        Statement(
            sql: """
                SELECT \(Record.columnList()) FROM \(Record.tableName)
                WHERE idNumber IN (\(parameters(1...idNumbers.count)))
                ORDER BY \(Record.primaryKey.map(\.stringValue).joined(separator: ", "))
                """,
            arguments: idNumbers.map(SQLValue.text))
    }

    /// The people paid a pension since January of the year before `year` who have no check of
    /// `year` yet: whom a new year's list adds.
    func retireesWithoutCheck(of year: Int) -> Statement {
        Statement(
            sql: """
                SELECT DISTINCT p.idNumber FROM pensionPayment p
                WHERE p.month >= \(parameter(1)) AND NOT EXISTS (
                    SELECT 1 FROM retireeCheck c WHERE c.idNumber = p.idNumber AND c.year = \(parameter(2)))
                ORDER BY p.idNumber
                """,
            arguments: [.integer(Int64((year - 1) * 12)), .integer(Int64(year))])
    }

    /// The open appointments of a hall's area on a day: a new booking is counted against them.
    func openAppointments(in regionCode: String, on day: String) -> Statement {
        Statement(
            sql: """
                SELECT \(Appointment.columnList()) FROM appointment
                WHERE regionCode = \(parameter(1)) AND day = \(parameter(2)) AND open = 1
                """,
            arguments: [.text(regionCode), .text(day)])
    }

    /// What a first load carries of the records placed by a `regionCode` of their own (job postings,
    /// courses, appointments): the jurisdiction's, and with `andAbove` those of the areas above it.
    func placedRows<Record: CentreRecord>(_: Record.Type, in jurisdiction: Jurisdiction, andAbove: Bool) -> Statement {
        let above = andAbove ? Self.areasAbove(jurisdiction) : []
        return Statement(
            sql: """
                SELECT \(Record.columnList()) FROM \(Record.tableName)
                WHERE \(placed("regionCode", from: 1, above: above.count)) ORDER BY id
                """,
            arguments: Self.regionRange(jurisdiction) + above)
    }

    /// The open applications of a jurisdiction, for a snapshot: the cases its terminal may have to
    /// act on, or whose decision it waits for.
    func openApplications(in jurisdiction: Jurisdiction) -> Statement {
        let open = ApplicationStatus.allCases.filter(\.isOpen)
        return Statement(
            sql: """
                SELECT \(StoredApplication.columnList()) FROM application
                WHERE regionCode >= \(parameter(1)) AND regionCode < \(parameter(2))
                AND status IN (\(parameters(3...open.count + 2))) ORDER BY id
                """,
            arguments: Self.regionRange(jurisdiction) + open.map { .text($0.rawValue) })
    }

    /// The open cases of an area past their whole limit or their current level's own at `now`,
    /// their clock running, the latest first come: what the county chases (escalation).
    func lateApplications(in area: Jurisdiction, at now: Date, limit: Int) -> Statement {
        let open = ApplicationStatus.allCases.filter(\.isOpen)
        let after = open.count + 2
        return Statement(
            sql: """
                SELECT \(StoredApplication.columnList()) FROM application
                WHERE regionCode >= \(parameter(1)) AND regionCode < \(parameter(2))
                AND status IN (\(parameters(3...after))) AND clockStoppedAt IS NULL
                AND (deadline < \(parameter(after + 1)) OR COALESCE(stepDue, deadline) < \(parameter(after + 2)))
                ORDER BY COALESCE(stepDue, deadline), id LIMIT \(parameter(after + 3))
                """,
            arguments: Self.regionRange(area) + open.map { .text($0.rawValue) } + [
                .integer(now.milliseconds), .integer(now.milliseconds), .integer(Int64(limit)),
            ])
    }

    /// The area's latest checks the county should decide on: overdue at `now` with no certification,
    /// or reported dead or moved away; none suspended yet. Soonest due first, each with its
    /// person's region.
    func suspensionCandidates(in area: Jurisdiction, at now: Date, limit: Int) -> Statement {
        Statement(
            sql: """
                SELECT \(RetireeCheck.columnList(alias: "c")), p.regionCode FROM retireeCheck c
                JOIN person p ON p.idNumber = c.idNumber
                WHERE p.regionCode >= \(parameter(1)) AND p.regionCode < \(parameter(2)) AND c.suspension IS NULL
                AND (c.lifeEvent IS NOT NULL OR (c.certification IS NULL AND c.dueBy < \(parameter(3))))
                AND c.year = (SELECT MAX(l.year) FROM retireeCheck l WHERE l.idNumber = c.idNumber)
                ORDER BY c.dueBy, c.idNumber LIMIT \(parameter(4))
                """,
            arguments: Self.regionRange(area) + [.integer(now.milliseconds), .integer(Int64(limit))])
    }

    // MARK: Snapshot audit

    /// When `terminalID` started its snapshots after `since`, oldest first, in milliseconds.
    /// The terminal's pulls since `since`, oldest first: when each started, and whether it resumed.
    func snapshotStarts(of terminalID: String, since: Date) -> Statement {
        Statement(
            sql: """
                SELECT startedAt, resumed FROM snapshotPull
                WHERE terminalID = \(parameter(1)) AND startedAt > \(parameter(2))
                ORDER BY startedAt
                """,
            arguments: [.text(terminalID), .integer(since.milliseconds)])
    }

    func endSnapshot(_ id: String, rowCount: Int, finishedAt: Date?) -> Statement {
        Statement(
            sql:
                "UPDATE snapshotPull SET rowCount = \(parameter(1)), finishedAt = \(parameter(2)) WHERE id = \(parameter(3))",
            arguments: [.integer(Int64(rowCount)), SQLValue(finishedAt?.milliseconds), .text(id)])
    }

    func snapshotPulls(since: Date) -> Statement {
        Statement(
            sql: """
                SELECT \(SnapshotPull.columnList()) FROM snapshotPull WHERE startedAt >= \(parameter(1))
                ORDER BY startedAt, id
                """,
            arguments: [.integer(since.milliseconds)])
    }

    // MARK: Ledger anchors

    /// Takes the terminal's row lock to the end of the transaction, so that the anchors of one
    /// terminal's ledger are judged one at a time. PostgreSQL only: SQLite's one writer does that.
    func lockTerminal(_ id: String) -> Statement {
        Statement(sql: "SELECT id FROM terminal WHERE id = \(parameter(1)) FOR UPDATE", arguments: [.text(id)])
    }

    /// A refused head: its first refusal, or one more of the same head.
    func recordAnchorRefusal(
        _ head: LedgerHead, of terminal: RegisteredTerminal, code: String, anchored: LedgerHead?, at now: Date
    ) -> Statement {
        Statement(
            sql: """
                INSERT INTO ledgerAnchorRefusal
                    (terminalID, sequence, hash, code, anchoredSequence, firstRefusedAt, lastRefusedAt, times)
                VALUES (\(parameters(1...7)), 1)
                ON CONFLICT (terminalID, sequence, hash)
                DO UPDATE SET lastRefusedAt = excluded.lastRefusedAt, times = ledgerAnchorRefusal.times + 1
                """,
            arguments: [
                .text(terminal.id), .integer(head.sequence), .text(head.hash), .text(code),
                .integer(anchored?.sequence ?? 0), .integer(now.milliseconds), .integer(now.milliseconds),
            ])
    }

    /// How many heads of the terminal were refused, and when the last was (``LedgerAnchorRefusals``).
    func ledgerAnchorRefusals(_ terminalID: String) -> Statement {
        Statement(
            sql: """
                SELECT CAST(COALESCE(SUM(times), 0) AS BIGINT) AS refusals, MAX(lastRefusedAt) AS lastRefusedAt
                FROM ledgerAnchorRefusal WHERE terminalID = \(parameter(1))
                """,
            arguments: [.text(terminalID)])
    }

    /// The rows of `Record`'s table (terminals, console accounts) whose `jurisdiction` lies inside
    /// `area`, by id.
    func rows<Record: FetchableCentreRecord>(_: Record.Type, in area: Jurisdiction) -> Statement {
        Statement(
            sql: """
                SELECT \(Record.columnList()) FROM \(Record.tableName)
                WHERE jurisdiction >= \(parameter(1)) AND jurisdiction < \(parameter(2)) ORDER BY id
                """,
            arguments: Self.regionRange(area))
    }

    /// The last heartbeats of the terminals whose jurisdiction lies inside `area`.
    func heartbeats(in area: Jurisdiction) -> Statement {
        Statement(
            sql: """
                SELECT \(StoredHeartbeat.columnList(alias: "h")) FROM terminalHeartbeat h
                JOIN terminal t ON t.id = h.terminalID
                WHERE t.jurisdiction >= \(parameter(1)) AND t.jurisdiction < \(parameter(2))
                """,
            arguments: Self.regionRange(area))
    }

    func terminal(tokenHash: String) -> Statement {
        Statement(
            sql: "SELECT \(RegisteredTerminal.columnList()) FROM terminal WHERE tokenHash = \(parameter(1))",
            arguments: [.text(tokenHash)])
    }
}
