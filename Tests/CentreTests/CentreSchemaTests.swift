import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing

@testable import Centre

/// The two dialects' migrations make the same tables: the same columns in the same order, of the
/// same kind (text or integer), with the same NOT NULLs and primary keys.
@Suite struct CentreSchemaTests {
    /// table → columns as "name type null|notnull pk-position".
    typealias Shape = [String: [String]]

    @Test func bothDialectsMakeTheSameTables() async throws {
        try #require(
            StoreKind.testable.contains(.postgres), "PostgreSQL is not running here (hardware/postgres/postgres-up)")
        let sqlite = try sqliteShape()
        let postgres = try await postgresShape()
        #expect(sqlite.keys.sorted() == postgres.keys.sorted())
        for table in sqlite.keys.sorted() { #expect(sqlite[table] == postgres[table], "table \(table)") }
        #expect(sqlite.count == 35)
    }

    @Test func aFunctionBodyStaysOneStatementWithItsSemicolons() {
        let migration = CentreSchema.Migration(
            name: "x", sqlite: "",
            postgres:
                "CREATE TABLE a (b TEXT); CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$; SELECT 1;"
        )
        #expect(
            migration.postgresStatements.map { $0.trimmingCharacters(in: .whitespaces) } == [
                "CREATE TABLE a (b TEXT)", "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$",
                "SELECT 1",
            ])
    }

    @Test func migrationNamesAreUniqueAndNumberedInOrder() {
        let names = CentreSchema.migrations.map(\.name)
        #expect(Set(names).count == names.count)
        // v1, v2 … v10: by number, not by text, where v10 would come before v2.
        let numbers = names.compactMap { Int($0.dropFirst().prefix { $0.isNumber }) }
        #expect(numbers == Array(1...names.count), "\(names)")
    }

    private func sqliteShape() throws -> Shape {
        let queue = try DatabaseQueue()
        try queue.write { db in
            for migration in CentreSchema.migrations { try db.execute(sql: migration.sqlite) }
        }
        return try queue.read { db in
            var shape: Shape = [:]
            for table in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            {
                shape[table.lowercased()] = try Row.fetchAll(
                    db, sql: "SELECT * FROM pragma_table_info(?)", arguments: [table]
                )
                .map { row in
                    let type = (row["type"] as String).uppercased() == "INTEGER" ? "integer" : "text"
                    let notNull = (row["notnull"] as Int) == 1 || (row["pk"] as Int) > 0
                    return
                        "\((row["name"] as String).lowercased()) \(type) \(notNull ? "notnull" : "null") \(row["pk"] as Int)"
                }
            }
            return shape
        }
    }

    private func postgresShape() async throws -> Shape {
        try await StoreKind.withDatabase { client, _ in
            for migration in CentreSchema.migrations {
                for statement in migration.postgresStatements {
                    _ = try await client.query(PostgresQuery(unsafeSQL: statement)).collect()
                }
            }
            var primaryKey: [String: Int] = [:]
            let keys = try await client.query(
                """
                SELECT k.table_name, k.column_name, k.ordinal_position FROM information_schema.key_column_usage k
                JOIN information_schema.table_constraints c ON c.constraint_name = k.constraint_name
                WHERE c.constraint_type = 'PRIMARY KEY' AND k.table_schema = 'public'
                """)
            for try await (table, column, position) in keys.decode((String, String, Int).self) {
                primaryKey["\(table).\(column)"] = position
            }
            var shape: Shape = [:]
            let columns = try await client.query(
                """
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
                """)
            for try await (table, column, type, nullable) in columns.decode((String, String, String, String).self) {
                let kind = type == "bigint" ? "integer" : "text"
                shape[table, default: []].append(
                    "\(column) \(kind) \(nullable == "NO" ? "notnull" : "null") \(primaryKey["\(table).\(column)"] ?? 0)"
                )
            }
            return shape
        }
    }
}
