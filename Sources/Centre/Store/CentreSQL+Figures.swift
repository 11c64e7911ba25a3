import Foundation
import KioskCore
import Vocabulary

/// The statements of the figures' rollup (``FigureCount``): the regions whose rows changed, which
/// the schema's triggers note in `figureRegionChanged`; a region's counts made again; and the sums
/// the console reads.
extension CentreSQL {
    /// Takes up to `limit` of the regions noted as changed off the list, answering them (a region
    /// may come more than once: PostgreSQL's list notes it once per statement that changed it).
    func takeChangedRegions(limit: Int) -> Statement {
        Statement(
            sql: """
                DELETE FROM figureRegionChanged WHERE regionCode IN (
                    SELECT regionCode FROM figureRegionChanged ORDER BY regionCode LIMIT \(limit))
                RETURNING regionCode
                """,
            arguments: [])
    }

    /// The rows of `Record`'s table kept in exactly `region`.
    func rows<Record: CentreRecord>(_: Record.Type, ofRegion region: String) -> Statement {
        Statement(
            sql: "SELECT \(Record.columnList()) FROM \(Record.tableName) WHERE regionCode = \(parameter(1))",
            arguments: [.text(region)])
    }

    /// What makes `region`'s counts again: its old counts gone, `counts` (its service and output
    /// counts, made from its rows) written, and its coverage counted from its people.
    func replaceFigureCounts(ofRegion region: String, with counts: [FigureCount]) throws -> [Statement] {
        var statements = [
            Statement(sql: "DELETE FROM figureCount WHERE regionCode = \(parameter(1))", arguments: [.text(region)])
        ]
        let columns = FigureCount.columnNames.count
        for start in stride(from: 0, to: counts.count, by: 500) {
            let chunk = counts[start..<min(start + 500, counts.count)]
            let rows = (0..<chunk.count).map { "(\(parameters($0 * columns + 1...$0 * columns + columns)))" }
            statements.append(
                Statement(
                    sql: """
                        INSERT INTO figureCount (\(FigureCount.columnList())) VALUES \(rows.joined(separator: ", "))
                        """,
                    arguments: try chunk.flatMap { try $0.values() }))
        }
        statements.append(coverageCounts(ofRegion: region))
        return statements
    }

    /// Writes the coverage counts of the people kept in exactly `region`: its head count, its people
    /// actively enrolled in each insurance, and its people with each ``CoverageScheme``'s cover.
    func coverageCounts(ofRegion region: String) -> Statement {
        var arguments: [SQLValue] = []
        func inRegion() -> String {
            arguments.append(.text(region))
            return "p.regionCode = \(parameter(arguments.count))"
        }
        func active(_ insurances: [InsuranceType]) -> String {
            let first = arguments.count + 1
            arguments += insurances.map { .text($0.rawValue) }
            return """
                EXISTS (SELECT 1 FROM enrolment e WHERE e.idNumber = p.idNumber AND e.status = 'active'
                    AND e.insurance IN (\(parameters(first...arguments.count))))
                """
        }
        var parts = [
            """
            SELECT p.regionCode AS regionCode, '\(CoverageFigures.Village.populationMeasure)' AS measure,
                COUNT(*) AS people
            FROM person p WHERE \(inRegion()) GROUP BY p.regionCode
            """,
            """
            SELECT p.regionCode AS regionCode, e.insurance AS measure, COUNT(DISTINCT p.idNumber) AS people
            FROM person p JOIN enrolment e ON e.idNumber = p.idNumber AND e.status = 'active'
            WHERE \(inRegion()) GROUP BY p.regionCode, e.insurance
            """,
        ]
        for scheme in CoverageScheme.allCases {
            parts.append(
                """
                SELECT p.regionCode AS regionCode, '\(scheme.rawValue)' AS measure, COUNT(*) AS people
                FROM person p WHERE \(inRegion()) AND \(active(scheme.insurances)) GROUP BY p.regionCode
                """)
        }
        return Statement(
            sql: """
                INSERT INTO figureCount (\(FigureCount.columnList()))
                SELECT '\(FigureCount.Family.coverage.rawValue)', '', regionCode, '', '', measure, 0, people
                FROM (\(parts.joined(separator: "\nUNION ALL\n"))) counted
                """,
            arguments: arguments)
    }

    /// The counts of `family` in `month` (empty for coverage) inside `area`, summed by `group`,
    /// each sum with how many of it fell due before `dueBefore`.
    /// A month's ratings inside `area` by group and level, as sums whose measure is the level
    /// (``SatisfactionFigures``): read from the ratings themselves, one a service.
    func satisfactionSums(month: YearMonth, in area: Jurisdiction, by group: ServiceFigures.Grouping) -> Statement {
        let key =
            switch group {
            case .township: "substr(regionCode, 1, 9)"
            case .village: "regionCode"
            case .clerk: "COALESCE(servedBy, 'card')"
            case .service: "COALESCE(service, '')"
            }
        let china = WorkingCalendar.china
        let start = china.date(from: DateComponents(year: month.year, month: month.month, day: 1))!
        let end = china.date(byAdding: .month, value: 1, to: start)!
        return Statement(
            sql: """
                SELECT \(key) AS key, level AS measure, CAST(COUNT(*) AS BIGINT) AS total, CAST(0 AS BIGINT) AS due
                FROM satisfactionRating
                WHERE regionCode >= \(parameter(1)) AND regionCode < \(parameter(2))
                    AND at >= \(parameter(3)) AND at < \(parameter(4))
                GROUP BY \(key), level
                """,
            arguments: Self.regionRange(area) + [.integer(start.milliseconds), .integer(end.milliseconds)])
    }

    func figureSums(
        _ family: FigureCount.Family, month: String, in area: Jurisdiction, by group: ServiceFigures.Grouping,
        dueBefore: Date
    ) -> Statement {
        let key =
            switch group {
            case .township: "substr(regionCode, 1, 9)"
            case .village: "regionCode"
            case .clerk: "clerk"
            case .service: "service"
            }
        return Statement(
            sql: """
                SELECT \(key) AS key, measure, CAST(SUM(count) AS BIGINT) AS total,
                    CAST(SUM(CASE WHEN dueAt > 0 AND dueAt < \(parameter(1)) THEN count ELSE 0 END) AS BIGINT) AS due
                FROM figureCount
                WHERE family = \(parameter(2)) AND month = \(parameter(3))
                    AND regionCode >= \(parameter(4)) AND regionCode < \(parameter(5))
                GROUP BY \(key), measure
                """,
            arguments: [.integer(dueBefore.milliseconds), .text(family.rawValue), .text(month)]
                + Self.regionRange(area))
    }
}
