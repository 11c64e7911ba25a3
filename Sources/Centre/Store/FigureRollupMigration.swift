/// The rollup of the console's figures (``FigureCount``), kept as the records change: triggers on
/// every table the figures count note the regions a write touched in `figureRegionChanged`, and
/// the centre makes those regions' counts again (``CentreStore/refreshFigures()``) before the
/// console reads them and in the background. Triggers rather than the store's own writes, so that
/// no path that changes a row (a push, a batch, a removal's cascade, a move, a bulk load, a
/// restore's COPY) can leave the figures behind.
///
/// The list of changed regions has no unique key in either dialect: on PostgreSQL two writers
/// never wait on each other over it (each statement adds its regions once, from its transition
/// table), and on SQLite, whose one writer adds a row per changed row, a region is added only when
/// it is not there yet. The migration notes every region already held, so the first read counts
/// what the centre had before.
enum FigureRollupMigration {
    /// The tables whose rows carry their region, with the tables the figures count.
    static let regionTables = ["person", "application", "card", "signedCertificate"]

    static let sqlite: String = {
        func note(_ row: String) -> String {
            """
            INSERT INTO figureRegionChanged (regionCode) SELECT \(row).regionCode
                WHERE NOT EXISTS (SELECT 1 FROM figureRegionChanged WHERE regionCode = \(row).regionCode);
            """
        }
        func noteHolder(_ row: String) -> String {
            """
            INSERT INTO figureRegionChanged (regionCode) SELECT regionCode FROM person
                WHERE idNumber = \(row).idNumber
                    AND NOT EXISTS (SELECT 1 FROM figureRegionChanged c WHERE c.regionCode = person.regionCode);
            """
        }
        var sql = """
            CREATE TABLE figureCount (
                family TEXT NOT NULL, month TEXT NOT NULL, regionCode TEXT NOT NULL, clerk TEXT NOT NULL,
                service TEXT NOT NULL, measure TEXT NOT NULL, dueAt INTEGER NOT NULL, count INTEGER NOT NULL,
                PRIMARY KEY (family, month, regionCode, clerk, service, measure, dueAt)) STRICT, WITHOUT ROWID;
            CREATE INDEX figureCountByRegion ON figureCount (regionCode);
            CREATE TABLE figureRegionChanged (regionCode TEXT NOT NULL) STRICT;
            CREATE INDEX figureRegionChangedByRegion ON figureRegionChanged (regionCode);
            CREATE INDEX applicationByRegion ON application (regionCode);
            CREATE INDEX cardByRegion ON card (regionCode);
            CREATE INDEX signedCertificateByRegion ON signedCertificate (regionCode);

            """
        let tables = regionTables.map { ($0, note) } + [("enrolment", noteHolder)]
        for (table, noted) in tables {
            sql += """
                CREATE TRIGGER \(table)FiguresOnInsert AFTER INSERT ON \(table) BEGIN \(noted("NEW")) END;
                CREATE TRIGGER \(table)FiguresOnUpdate AFTER UPDATE ON \(table) BEGIN \(noted("OLD")) \(noted("NEW")) END;
                CREATE TRIGGER \(table)FiguresOnDelete AFTER DELETE ON \(table) BEGIN \(noted("OLD")) END;

                """
        }
        return sql + noteEveryRegion
    }()

    static let postgres: String = {
        var sql = """
            CREATE TABLE figureCount (
                family TEXT NOT NULL, month TEXT NOT NULL, regionCode TEXT COLLATE "C" NOT NULL, clerk TEXT NOT NULL,
                service TEXT NOT NULL, measure TEXT NOT NULL, dueAt BIGINT NOT NULL, count BIGINT NOT NULL,
                PRIMARY KEY (family, month, regionCode, clerk, service, measure, dueAt));
            CREATE INDEX figureCountByRegion ON figureCount (regionCode);
            CREATE TABLE figureRegionChanged (regionCode TEXT COLLATE "C" NOT NULL);
            CREATE INDEX figureRegionChangedByRegion ON figureRegionChanged (regionCode);
            CREATE INDEX applicationByRegion ON application (regionCode);
            CREATE INDEX cardByRegion ON card (regionCode);
            CREATE INDEX signedCertificateByRegion ON signedCertificate (regionCode);

            """
        // One function per transition table and way of finding the region: a transition table
        // is named in the trigger, and PostgreSQL allows it only on a trigger of one event.
        let ways = [("Region", "SELECT regionCode FROM"), ("Holder", "SELECT p.regionCode FROM person p JOIN")]
        for (way, select) in ways {
            for rows in ["newRows", "oldRows"] {
                let source = way == "Holder" ? "\(select) \(rows) r ON p.idNumber = r.idNumber" : "\(select) \(rows)"
                sql += """
                    CREATE FUNCTION figuresNote\(way)Of\(rows)() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO figureRegionChanged (regionCode) SELECT DISTINCT regionCode FROM (\(source)) changed;
                        RETURN NULL;
                    END $$;

                    """
            }
        }
        let tables = regionTables.map { ($0, "Region") } + [("enrolment", "Holder")]
        for (table, way) in tables {
            sql += """
                CREATE TRIGGER \(table)FiguresOnInsert AFTER INSERT ON \(table) REFERENCING NEW TABLE AS newRows
                    FOR EACH STATEMENT EXECUTE FUNCTION figuresNote\(way)OfnewRows();
                CREATE TRIGGER \(table)FiguresOnUpdateOld AFTER UPDATE ON \(table) REFERENCING OLD TABLE AS oldRows
                    FOR EACH STATEMENT EXECUTE FUNCTION figuresNote\(way)OfoldRows();
                CREATE TRIGGER \(table)FiguresOnUpdateNew AFTER UPDATE ON \(table) REFERENCING NEW TABLE AS newRows
                    FOR EACH STATEMENT EXECUTE FUNCTION figuresNote\(way)OfnewRows();
                CREATE TRIGGER \(table)FiguresOnDelete AFTER DELETE ON \(table) REFERENCING OLD TABLE AS oldRows
                    FOR EACH STATEMENT EXECUTE FUNCTION figuresNote\(way)OfoldRows();

                """
        }
        return sql + noteEveryRegion
    }()

    /// Every region the centre already holds, noted as changed.
    private static let noteEveryRegion =
        "INSERT INTO figureRegionChanged (regionCode) "
        + regionTables.map { "SELECT regionCode FROM \($0)" }.joined(separator: " UNION ") + ";\n"
}
