import Foundation
import GRDB
import KioskCore
import PostgresNIO
import Testing

@testable import Centre

/// The records read their columns by name: rows selected with the columns in the reverse of the
/// table's order (and the change number first) come back as the records the store wrote, through
/// the driver each store uses. A mapping that read a column by its position would read another
/// one here, and a mapping that named the wrong column would read a value of another field.
@Suite struct RecordMappingTests {
    @Test(arguments: StoreKind.testable)
    func recordsReadTheirColumnsByNameWhateverTheOrderSelected(_ kind: StoreKind) async throws {
        try await kind.withStore { store, options in
            let (home, neighbour) = try await Fixtures.load(store)
            let pages = home + neighbour
            let people = pages.flatMap(\.people)
            let (terminal, _) = try Fixtures.terminal()
            try await store.register(terminal)

            // An approved application (every column set), a card, a certificate and a refusal.
            var application = Fixtures.application("T-101-1", for: people[0])
            application.details = ["course": "welding"]
            let card = CardRecord(
                cardNumber: Fixtures.newCardNumber(1), idNumber: people[1].idNumber, requestedBy: "clerk1",
                at: Fixtures.now)
            let certificate = SignedCertificate(
                serial: "T-101-C-1", kind: "proof-of-insurance", payloadHash: String(repeating: "ab", count: 32),
                keyID: "key-1", regionCode: people[0].regionCode, signedAt: Fixtures.now)
            let results = try await store.apply(
                [
                    try Fixtures.command(.applicationSubmit, application, key: "k1"),
                    try Fixtures.command(
                        .applicationMove,
                        ApplicationMovePayload(id: application.id, status: .approved, by: "super1", at: Fixtures.now),
                        key: "k2", base: 1),
                    try Fixtures.command(.applicationSubmit, application, key: "k3"),
                    try Fixtures.command(.cardRequest, card, key: "k4"),
                    try Fixtures.command(.certificateIssue, certificate, key: "k5"),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied, .applied, .refused, .applied, .applied])
            try application.move(to: .approved, by: "super1", at: Fixtures.now)

            #expect(Set(try await kind.read(Person.self, options)) == Set(people))
            #expect(Set(try await kind.read(Enrolment.self, options)) == Set(pages.flatMap(\.enrolments)))
            #expect(Set(try await kind.read(Contribution.self, options)) == Set(pages.flatMap(\.contributions)))
            #expect(Set(try await kind.read(PensionPayment.self, options)) == Set(pages.flatMap(\.pensionPayments)))
            #expect(Set(try await kind.read(JobPosting.self, options)) == Set(pages.flatMap(\.jobPostings)))
            #expect(try await kind.read(RegisteredTerminal.self, options) == [terminal])
            #expect(try await kind.read(SignedCertificate.self, options) == [certificate])

            let applications = try await kind.read(StoredApplication.self, options)
            #expect(applications.map(\.application) == [application])
            #expect(applications.map(\.version) == [2])

            let regions = Dictionary(people.map { ($0.idNumber, $0.regionCode) }) { first, _ in first }
            let cards = try await kind.read(StoredCard.self, options)
            #expect(
                Dictionary(uniqueKeysWithValues: cards.map { ($0.card.cardNumber, $0.card) })
                    == Dictionary(
                        uniqueKeysWithValues: (pages.flatMap(\.cardRecords) + [card]).map { ($0.cardNumber, $0) }))
            #expect(cards.allSatisfy { $0.regionCode == regions[$0.card.idNumber] })

            let answered = try await kind.read(AppliedCommand.self, options).map(\.result)
            #expect(
                Dictionary(uniqueKeysWithValues: answered.map { ($0.idempotencyKey, $0) })
                    == Dictionary(uniqueKeysWithValues: results.map { ($0.idempotencyKey, AppliedCommand.again($0)) }))

            let batch = try #require(try await store.startBatch(in: try Jurisdiction(Fixtures.home), at: Fixtures.now))
            #expect(try await kind.read(CardBatch.self, options) == [batch])

            let changes = try await kind.read(
                CentreSQL.Statement(
                    sql: "SELECT changeSequence, \(Self.reversedColumns(Person.self)) FROM person", arguments: []),
                options
            ) { RowMapping<Person>.changes }
            #expect(Set(changes.map(\.record)) == Set(people))
            #expect(Set(changes.map(\.sequence)).count == people.count)
        }
    }

    /// The record's columns, last to first.
    static func reversedColumns<Record: FetchableCentreRecord>(_: Record.Type) -> String {
        Record.columnNames.reversed().joined(separator: ", ")
    }
}

extension StoreKind {
    /// Every row of the record's table, its columns selected last to first.
    func read<Record: FetchableCentreRecord & Sendable>(_: Record.Type, _ options: [String]) async throws -> [Record] {
        try await read(
            CentreSQL.Statement(
                sql: "SELECT \(RecordMappingTests.reversedColumns(Record.self)) FROM \(Record.tableName)",
                arguments: []),
            options
        ) { RowMapping<Record>.records }
    }

    /// Runs `statement` on the database of a store of this kind, opened with `options` (as
    /// ``withStore(_:)`` hands them) through the store's driver, and reads its rows as the store does.
    func read<Value: Sendable>(
        _ statement: CentreSQL.Statement, _ options: [String], _ mapping: @escaping @Sendable () -> RowMapping<Value>
    ) async throws -> [Value] {
        switch self {
        case .sqlite:
            return try await DatabaseQueue(path: options[1]).read { db in
                var rows = mapping()
                return try Row.fetchAll(db, sql: statement.sql, arguments: statement.grdbArguments).map {
                    try rows.value(of: GRDBRowReader(row: $0))
                }
            }
        case .postgres:
            let client = PostgresClient(configuration: try PostgresURL(options[1]).clientConfiguration)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                var rows = mapping()
                var values: [Value] = []
                for try await row in try await client.query(statement.postgresQuery) {
                    values.append(try rows.value(of: PostgresRowReader(row)))
                }
                return values
            }
        }
    }
}
