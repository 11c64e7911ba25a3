import KioskCore

/// The centre's tables as migrations applied in order, each written once per dialect side by side so
/// that a change to one is seen next to the other (a test checks that both make the same tables,
/// columns and keys). A migration, once shipped, never changes.
///
/// Every row the terminals pull carries `changeSequence`, the next number of `changeCounter` when
/// it was written: the pull cursor. Writers take their numbers by updating the counter's one row,
/// which serialises them, so numbers are committed in order and a cursor never skips a row that
/// commits late. Region codes compare byte by byte (`COLLATE "C"` on PostgreSQL) so that a
/// jurisdiction is a range an index can serve.
///
/// SQLite tables are STRICT; the big tables of small rows are WITHOUT ROWID (the key is the b-tree).
public enum CentreSchema {
    public struct Migration: Sendable {
        public let name: String
        public let sqlite: String
        public let postgres: String

        /// The PostgreSQL statements one at a time, as the extended protocol takes them: split at
        /// each `;` outside a `$$`-quoted function body.
        public var postgresStatements: [String] {
            var statements: [String] = []
            for (index, part) in postgres.components(separatedBy: "$$").enumerated() {
                // Odd parts are function bodies: kept whole, with the `$$` around them.
                if index % 2 == 1 {
                    statements[statements.count - 1] += "$$\(part)$$"
                    continue
                }
                let pieces = part.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                if index > 0 { statements[statements.count - 1] += pieces[0] }
                statements += pieces.dropFirst(index > 0 ? 1 : 0)
            }
            return statements.filter { !$0.allSatisfy(\.isWhitespace) }
        }
    }

    public static let migrations: [Migration] = [
        Migration(
            name: "v1-terminals-and-commands",
            sqlite: """
                CREATE TABLE terminal (
                    id TEXT PRIMARY KEY NOT NULL, jurisdiction TEXT NOT NULL, name TEXT NOT NULL,
                    tokenHash TEXT NOT NULL UNIQUE, registeredAt INTEGER NOT NULL) STRICT;
                CREATE TABLE changeCounter (
                    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1), value INTEGER NOT NULL) STRICT;
                INSERT INTO changeCounter (id, value) VALUES (1, 0);
                CREATE TABLE appliedCommand (
                    idempotencyKey TEXT PRIMARY KEY NOT NULL, terminalID TEXT NOT NULL, kind TEXT NOT NULL,
                    outcome TEXT NOT NULL, reason TEXT, version INTEGER, appliedAt INTEGER NOT NULL) STRICT, WITHOUT ROWID;
                """,
            postgres: """
                CREATE TABLE terminal (
                    id TEXT PRIMARY KEY NOT NULL, jurisdiction TEXT COLLATE "C" NOT NULL, name TEXT NOT NULL,
                    tokenHash TEXT NOT NULL UNIQUE, registeredAt BIGINT NOT NULL);
                CREATE TABLE changeCounter (
                    id BIGINT PRIMARY KEY NOT NULL CHECK (id = 1), value BIGINT NOT NULL);
                INSERT INTO changeCounter (id, value) VALUES (1, 0);
                CREATE TABLE appliedCommand (
                    idempotencyKey TEXT PRIMARY KEY NOT NULL, terminalID TEXT NOT NULL, kind TEXT NOT NULL,
                    outcome TEXT NOT NULL, reason TEXT, version BIGINT, appliedAt BIGINT NOT NULL);
                """),
        Migration(
            name: "v2-reference-data",
            sqlite: """
                CREATE TABLE person (
                    idNumber TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, sex TEXT NOT NULL, birthDate TEXT NOT NULL,
                    regionCode TEXT NOT NULL, phone TEXT, version INTEGER NOT NULL,
                    changeSequence INTEGER NOT NULL) STRICT, WITHOUT ROWID;
                CREATE INDEX personByRegion ON person (regionCode, idNumber);
                CREATE INDEX personByChange ON person (changeSequence);
                CREATE TABLE enrolment (
                    idNumber TEXT NOT NULL, insurance TEXT NOT NULL, since INTEGER NOT NULL, until INTEGER,
                    status TEXT NOT NULL, unit TEXT NOT NULL, changeSequence INTEGER NOT NULL,
                    PRIMARY KEY (idNumber, insurance, since)) STRICT, WITHOUT ROWID;
                CREATE INDEX enrolmentByChange ON enrolment (changeSequence);
                CREATE TABLE contribution (
                    idNumber TEXT NOT NULL, insurance TEXT NOT NULL, month INTEGER NOT NULL, baseFen INTEGER NOT NULL,
                    personalFen INTEGER NOT NULL, employerFen INTEGER NOT NULL, paid INTEGER NOT NULL,
                    changeSequence INTEGER NOT NULL,
                    PRIMARY KEY (idNumber, insurance, month)) STRICT, WITHOUT ROWID;
                CREATE INDEX contributionByChange ON contribution (changeSequence);
                CREATE TABLE pensionPayment (
                    idNumber TEXT NOT NULL, month INTEGER NOT NULL, amountFen INTEGER NOT NULL,
                    accountMasked TEXT NOT NULL, changeSequence INTEGER NOT NULL,
                    PRIMARY KEY (idNumber, month)) STRICT, WITHOUT ROWID;
                CREATE INDEX pensionPaymentByChange ON pensionPayment (changeSequence);
                CREATE TABLE jobPosting (
                    id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, employer TEXT NOT NULL, regionCode TEXT NOT NULL,
                    monthlyWageFromFen INTEGER NOT NULL, monthlyWageToFen INTEGER NOT NULL, postedOn TEXT NOT NULL,
                    contact TEXT NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                CREATE INDEX jobPostingByChange ON jobPosting (changeSequence);
                """,
            postgres: """
                CREATE TABLE person (
                    idNumber TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, sex TEXT NOT NULL, birthDate TEXT NOT NULL,
                    regionCode TEXT COLLATE "C" NOT NULL, phone TEXT, version BIGINT NOT NULL,
                    changeSequence BIGINT NOT NULL);
                CREATE INDEX personByRegion ON person (regionCode, idNumber);
                CREATE INDEX personByChange ON person (changeSequence);
                CREATE TABLE enrolment (
                    idNumber TEXT NOT NULL, insurance TEXT NOT NULL, since BIGINT NOT NULL, until BIGINT,
                    status TEXT NOT NULL, unit TEXT NOT NULL, changeSequence BIGINT NOT NULL,
                    PRIMARY KEY (idNumber, insurance, since));
                CREATE INDEX enrolmentByChange ON enrolment (changeSequence);
                CREATE TABLE contribution (
                    idNumber TEXT NOT NULL, insurance TEXT NOT NULL, month BIGINT NOT NULL, baseFen BIGINT NOT NULL,
                    personalFen BIGINT NOT NULL, employerFen BIGINT NOT NULL, paid BIGINT NOT NULL,
                    changeSequence BIGINT NOT NULL,
                    PRIMARY KEY (idNumber, insurance, month));
                CREATE INDEX contributionByChange ON contribution (changeSequence);
                CREATE TABLE pensionPayment (
                    idNumber TEXT NOT NULL, month BIGINT NOT NULL, amountFen BIGINT NOT NULL,
                    accountMasked TEXT NOT NULL, changeSequence BIGINT NOT NULL,
                    PRIMARY KEY (idNumber, month));
                CREATE INDEX pensionPaymentByChange ON pensionPayment (changeSequence);
                CREATE TABLE jobPosting (
                    id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, employer TEXT NOT NULL,
                    regionCode TEXT COLLATE "C" NOT NULL, monthlyWageFromFen BIGINT NOT NULL,
                    monthlyWageToFen BIGINT NOT NULL, postedOn TEXT NOT NULL, contact TEXT NOT NULL,
                    changeSequence BIGINT NOT NULL);
                CREATE INDEX jobPostingByChange ON jobPosting (changeSequence);
                """),
        Migration(
            name: "v3-applications-cards-batches",
            sqlite: """
                CREATE TABLE application (
                    id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, idNumber TEXT NOT NULL, status TEXT NOT NULL,
                    submittedBy TEXT NOT NULL, submittedAt INTEGER NOT NULL, deadline INTEGER NOT NULL,
                    approvedBy TEXT, completedAt INTEGER, details TEXT NOT NULL, terminalID TEXT NOT NULL,
                    regionCode TEXT NOT NULL, version INTEGER NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                CREATE INDEX applicationByPerson ON application (idNumber, kind);
                CREATE TABLE cardBatch (
                    id TEXT PRIMARY KEY NOT NULL, regionCode TEXT NOT NULL, status TEXT NOT NULL,
                    createdAt INTEGER NOT NULL, cardCount INTEGER NOT NULL) STRICT;
                CREATE TABLE card (
                    cardNumber TEXT PRIMARY KEY NOT NULL, idNumber TEXT NOT NULL, status TEXT NOT NULL,
                    cardIdentifier TEXT, steps TEXT NOT NULL, regionCode TEXT NOT NULL, batchID TEXT,
                    version INTEGER NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                CREATE INDEX cardByHolder ON card (idNumber);
                CREATE INDEX cardByChange ON card (changeSequence);
                """,
            postgres: """
                CREATE TABLE application (
                    id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, idNumber TEXT NOT NULL, status TEXT NOT NULL,
                    submittedBy TEXT NOT NULL, submittedAt BIGINT NOT NULL, deadline BIGINT NOT NULL,
                    approvedBy TEXT, completedAt BIGINT, details TEXT NOT NULL, terminalID TEXT NOT NULL,
                    regionCode TEXT COLLATE "C" NOT NULL, version BIGINT NOT NULL, changeSequence BIGINT NOT NULL);
                CREATE INDEX applicationByPerson ON application (idNumber, kind);
                CREATE TABLE cardBatch (
                    id TEXT PRIMARY KEY NOT NULL, regionCode TEXT COLLATE "C" NOT NULL, status TEXT NOT NULL,
                    createdAt BIGINT NOT NULL, cardCount BIGINT NOT NULL);
                CREATE TABLE card (
                    cardNumber TEXT PRIMARY KEY NOT NULL, idNumber TEXT NOT NULL, status TEXT NOT NULL,
                    cardIdentifier TEXT, steps TEXT NOT NULL, regionCode TEXT COLLATE "C" NOT NULL, batchID TEXT,
                    version BIGINT NOT NULL, changeSequence BIGINT NOT NULL);
                CREATE INDEX cardByHolder ON card (idNumber);
                CREATE INDEX cardByChange ON card (changeSequence);
                """),
        Migration(
            name: "v4-signed-certificates",
            sqlite: """
                CREATE TABLE signedCertificate (
                    serial TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, payloadHash TEXT NOT NULL,
                    keyID TEXT NOT NULL, regionCode TEXT NOT NULL, signedAt INTEGER NOT NULL) STRICT;
                """,
            postgres: """
                CREATE TABLE signedCertificate (
                    serial TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, payloadHash TEXT NOT NULL,
                    keyID TEXT NOT NULL, regionCode TEXT COLLATE "C" NOT NULL, signedAt BIGINT NOT NULL);
                """),
        Migration(
            name: "v5-national-insurance-codes", sqlite: InsuranceCodeMigration.sql,
            postgres: InsuranceCodeMigration.sql),
        // The audit of snapshots: who pulled which area, from which change number, how many rows.
        // Its rows go to no terminal, so they carry no change number.
        Migration(
            name: "v6-snapshot-pulls",
            sqlite: """
                CREATE TABLE snapshotPull (
                    id TEXT PRIMARY KEY NOT NULL, terminalID TEXT NOT NULL, jurisdiction TEXT NOT NULL,
                    cursor INTEGER NOT NULL, startedAt INTEGER NOT NULL, rowCount INTEGER, finishedAt INTEGER) STRICT;
                CREATE INDEX snapshotPullByTerminal ON snapshotPull (terminalID, startedAt);
                CREATE INDEX snapshotPullByTime ON snapshotPull (startedAt);
                """,
            postgres: """
                CREATE TABLE snapshotPull (
                    id TEXT PRIMARY KEY NOT NULL, terminalID TEXT NOT NULL, jurisdiction TEXT COLLATE "C" NOT NULL,
                    cursor BIGINT NOT NULL, startedAt BIGINT NOT NULL, rowCount BIGINT, finishedAt BIGINT);
                CREATE INDEX snapshotPullByTerminal ON snapshotPull (terminalID, startedAt);
                CREATE INDEX snapshotPullByTime ON snapshotPull (startedAt);
                """),
        // Each terminal's ledger head as last anchored, and the heads refused for going back on it
        // (one row per head, counted each time it came again). Kept outside the terminal's reach, so
        // that a ledger cut back, rewritten or emptied on the terminal shows against them.
        Migration(
            name: "v7-ledger-anchors",
            sqlite: """
                CREATE TABLE ledgerAnchor (
                    terminalID TEXT PRIMARY KEY NOT NULL, sequence INTEGER NOT NULL, hash TEXT NOT NULL,
                    anchoredAt INTEGER NOT NULL) STRICT;
                CREATE TABLE ledgerAnchorRefusal (
                    terminalID TEXT NOT NULL, sequence INTEGER NOT NULL, hash TEXT NOT NULL, code TEXT NOT NULL,
                    anchoredSequence INTEGER NOT NULL, firstRefusedAt INTEGER NOT NULL, lastRefusedAt INTEGER NOT NULL,
                    times INTEGER NOT NULL, PRIMARY KEY (terminalID, sequence, hash)) STRICT, WITHOUT ROWID;
                """,
            postgres: """
                CREATE TABLE ledgerAnchor (
                    terminalID TEXT PRIMARY KEY NOT NULL, sequence BIGINT NOT NULL, hash TEXT NOT NULL,
                    anchoredAt BIGINT NOT NULL);
                CREATE TABLE ledgerAnchorRefusal (
                    terminalID TEXT NOT NULL, sequence BIGINT NOT NULL, hash TEXT NOT NULL, code TEXT NOT NULL,
                    anchoredSequence BIGINT NOT NULL, firstRefusedAt BIGINT NOT NULL, lastRefusedAt BIGINT NOT NULL,
                    times BIGINT NOT NULL, PRIMARY KEY (terminalID, sequence, hash));
                """),
        // Terminals that join by enrolment: the one-time codes county administrators issue (kept as
        // hashes, each used at most once), and each terminal's client certificate (by fingerprint),
        // document-signing key and revocation.
        Migration(
            name: "v8-terminal-enrolment",
            sqlite: """
                ALTER TABLE terminal ADD COLUMN certificateFingerprint TEXT;
                ALTER TABLE terminal ADD COLUMN signingKey TEXT;
                ALTER TABLE terminal ADD COLUMN revokedAt INTEGER;
                CREATE TABLE enrolmentCode (
                    codeHash TEXT PRIMARY KEY NOT NULL, terminalID TEXT NOT NULL, jurisdiction TEXT NOT NULL,
                    name TEXT NOT NULL, issuedAt INTEGER NOT NULL, expiresAt INTEGER NOT NULL, usedAt INTEGER) STRICT;
                CREATE INDEX enrolmentCodeByTerminal ON enrolmentCode (terminalID);
                """,
            postgres: """
                ALTER TABLE terminal ADD COLUMN certificateFingerprint TEXT;
                ALTER TABLE terminal ADD COLUMN signingKey TEXT;
                ALTER TABLE terminal ADD COLUMN revokedAt BIGINT;
                CREATE TABLE enrolmentCode (
                    codeHash TEXT PRIMARY KEY NOT NULL, terminalID TEXT NOT NULL, jurisdiction TEXT COLLATE "C" NOT NULL,
                    name TEXT NOT NULL, issuedAt BIGINT NOT NULL, expiresAt BIGINT NOT NULL, usedAt BIGINT);
                CREATE INDEX enrolmentCodeByTerminal ON enrolmentCode (terminalID);
                """),
        // The console's: the county's own staff, who sign in to it (`sskiosk centre staff add`), as
        // scrypt hashes with their wrong passwords in a row, so that a restart lifts no lock; and each
        // terminal's last heartbeat (its devices, outbox and clock; no personal data), kept whole as
        // JSON, a newer one in its place. Neither goes to a terminal, so neither has change numbers.
        Migration(
            name: "v9-console-staff-and-heartbeats",
            sqlite: """
                CREATE TABLE centreStaff (
                    id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, jurisdiction TEXT NOT NULL,
                    passwordHash TEXT NOT NULL, mustChangePassword INTEGER NOT NULL, disabled INTEGER NOT NULL,
                    failureCount INTEGER NOT NULL, lockedUntil INTEGER, createdAt INTEGER NOT NULL) STRICT;
                CREATE TABLE terminalHeartbeat (
                    terminalID TEXT PRIMARY KEY NOT NULL, receivedAt INTEGER NOT NULL,
                    clockSkewMilliseconds INTEGER NOT NULL, heartbeat TEXT NOT NULL) STRICT;
                """,
            postgres: """
                CREATE TABLE centreStaff (
                    id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
                    jurisdiction TEXT COLLATE "C" NOT NULL, passwordHash TEXT NOT NULL,
                    mustChangePassword BIGINT NOT NULL, disabled BIGINT NOT NULL, failureCount BIGINT NOT NULL,
                    lockedUntil BIGINT, createdAt BIGINT NOT NULL);
                CREATE TABLE terminalHeartbeat (
                    terminalID TEXT PRIMARY KEY NOT NULL, receivedAt BIGINT NOT NULL,
                    clockSkewMilliseconds BIGINT NOT NULL, heartbeat TEXT NOT NULL);
                """),
        // A pull that resumes a snapshot is marked, so that the limit on starts counts fresh starts
        // only: a load broken by a flapping line goes on from its last page as often as it must.
        Migration(
            name: "v10-snapshot-resumes",
            sqlite: "ALTER TABLE snapshotPull ADD COLUMN resumed INTEGER NOT NULL DEFAULT 0;",
            postgres: "ALTER TABLE snapshotPull ADD COLUMN resumed BIGINT NOT NULL DEFAULT 0;"),
        // What terminals must forget: a record removed, or moved out of `regionCode` to `movedTo`,
        // under the change number of its removal. A terminal serving `movedTo` too is not told,
        // since the rows come to it again with their new region.
        Migration(
            name: "v11-removals",
            sqlite: """
                CREATE TABLE removal (
                    changeSequence INTEGER PRIMARY KEY NOT NULL, kind TEXT NOT NULL, recordKey TEXT NOT NULL,
                    regionCode TEXT NOT NULL, movedTo TEXT, removedAt INTEGER NOT NULL) STRICT;
                """,
            postgres: """
                CREATE TABLE removal (
                    changeSequence BIGINT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, recordKey TEXT NOT NULL,
                    regionCode TEXT COLLATE "C" NOT NULL, movedTo TEXT COLLATE "C", removedAt BIGINT NOT NULL);
                """),
        // Accounts go down to the terminals of their county: each change of one takes a change number.
        Migration(
            name: "v12-staff-changes",
            sqlite: """
                ALTER TABLE centreStaff ADD COLUMN changeSequence INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX centreStaffByChange ON centreStaff (changeSequence);
                """,
            postgres: """
                ALTER TABLE centreStaff ADD COLUMN changeSequence BIGINT NOT NULL DEFAULT 0;
                CREATE INDEX centreStaffByChange ON centreStaff (changeSequence);
                """),
        // The holidays and adjusted working days (调休) the centre publishes, a row a year, for every
        // terminal: time limits count working days on them.
        Migration(
            name: "v13-calendar-years",
            sqlite: """
                CREATE TABLE calendarYear (
                    year INTEGER PRIMARY KEY NOT NULL, holidays TEXT NOT NULL, workdays TEXT NOT NULL,
                    source TEXT NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                """,
            postgres: """
                CREATE TABLE calendarYear (
                    year BIGINT PRIMARY KEY NOT NULL, holidays TEXT NOT NULL, workdays TEXT NOT NULL,
                    source TEXT NOT NULL, changeSequence BIGINT NOT NULL);
                """),
        // An application's clock stopped for missing papers: kept, so that the deadline the centre
        // reads is the one its moves made, not one counted again from the submission.
        Migration(
            name: "v14-application-clock",
            sqlite: "ALTER TABLE application ADD COLUMN clockStoppedAt INTEGER;",
            postgres: "ALTER TABLE application ADD COLUMN clockStoppedAt BIGINT;"),
        // The console's figures from a rollup kept as the rows change, not from scans per request.
        Migration(
            name: "v15-figure-rollups", sqlite: FigureRollupMigration.sqlite, postgres: FigureRollupMigration.postgres),
        // The centre's own chained ledger of what its staff and its operator do (CentreLedgerEvent),
        // sealed like a terminal's with a key kept outside the database; its head starts empty.
        Migration(
            name: "v16-centre-ledger",
            sqlite: """
                CREATE TABLE centreLedger (
                    sequence INTEGER PRIMARY KEY NOT NULL, atMilliseconds INTEGER NOT NULL, actor TEXT NOT NULL,
                    action TEXT NOT NULL, subject TEXT NOT NULL, terminalID TEXT NOT NULL, regionCode TEXT NOT NULL,
                    detail TEXT NOT NULL, previousHash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
                CREATE TABLE centreLedgerHead (
                    id INTEGER PRIMARY KEY NOT NULL, sequence INTEGER NOT NULL, hash TEXT NOT NULL,
                    keyCheck TEXT NOT NULL) STRICT;
                INSERT INTO centreLedgerHead (id, sequence, hash, keyCheck) VALUES (1, 0, '\(LedgerEntry.genesisHash)', '');
                """,
            postgres: """
                CREATE TABLE centreLedger (
                    sequence BIGINT PRIMARY KEY NOT NULL, atMilliseconds BIGINT NOT NULL, actor TEXT NOT NULL,
                    action TEXT NOT NULL, subject TEXT NOT NULL, terminalID TEXT NOT NULL, regionCode TEXT NOT NULL,
                    detail TEXT NOT NULL, previousHash TEXT NOT NULL, hash TEXT NOT NULL);
                CREATE TABLE centreLedgerHead (
                    id BIGINT PRIMARY KEY NOT NULL, sequence BIGINT NOT NULL, hash TEXT NOT NULL,
                    keyCheck TEXT NOT NULL);
                INSERT INTO centreLedgerHead (id, sequence, hash, keyCheck) VALUES (1, 0, '\(LedgerEntry.genesisHash)', '');
                """),
        // Routes across levels (village check, township review, county decision): the centre's per
        // service, and each application's route, step, owner and refusal, which come down to the
        // terminals of the jurisdiction.
        Migration(
            name: "v17-service-routes",
            sqlite: """
                CREATE TABLE serviceRoute (
                    kind TEXT PRIMARY KEY NOT NULL, steps TEXT NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                ALTER TABLE application ADD COLUMN route TEXT;
                ALTER TABLE application ADD COLUMN step INTEGER;
                ALTER TABLE application ADD COLUMN stepDue INTEGER;
                ALTER TABLE application ADD COLUMN owner TEXT;
                ALTER TABLE application ADD COLUMN rejectionReason TEXT;
                ALTER TABLE application ADD COLUMN rejectionNote TEXT;
                CREATE INDEX applicationByChange ON application (changeSequence);
                """,
            postgres: """
                CREATE TABLE serviceRoute (
                    kind TEXT PRIMARY KEY NOT NULL, steps TEXT NOT NULL, changeSequence BIGINT NOT NULL);
                ALTER TABLE application ADD COLUMN route TEXT;
                ALTER TABLE application ADD COLUMN step BIGINT;
                ALTER TABLE application ADD COLUMN stepDue BIGINT;
                ALTER TABLE application ADD COLUMN owner TEXT;
                ALTER TABLE application ADD COLUMN rejectionReason TEXT;
                ALTER TABLE application ADD COLUMN rejectionNote TEXT;
                CREATE INDEX applicationByChange ON application (changeSequence);
                """),
        // The photo each card request's desk checked, kept for production.
        Migration(
            name: "v18-card-photos",
            sqlite: """
                CREATE TABLE cardPhoto (
                    cardNumber TEXT PRIMARY KEY NOT NULL, jpeg TEXT NOT NULL, keptBy TEXT NOT NULL,
                    keptAt INTEGER NOT NULL) STRICT;
                """,
            postgres: """
                CREATE TABLE cardPhoto (
                    cardNumber TEXT PRIMARY KEY NOT NULL, jpeg TEXT NOT NULL, keptBy TEXT NOT NULL,
                    keptAt BIGINT NOT NULL);
                """),
        // Retirees' qualification checks, a year's list as published, each with what was recorded on it.
        Migration(
            name: "v19-retiree-checks",
            sqlite: """
                CREATE TABLE retireeCheck (
                    idNumber TEXT NOT NULL, year INTEGER NOT NULL, dueBy INTEGER NOT NULL, certification TEXT,
                    lifeEvent TEXT, suspension TEXT, changeSequence INTEGER NOT NULL,
                    PRIMARY KEY (idNumber, year)) STRICT, WITHOUT ROWID;
                CREATE INDEX retireeCheckByChange ON retireeCheck (changeSequence);
                """,
            postgres: """
                CREATE TABLE retireeCheck (
                    idNumber TEXT NOT NULL, year BIGINT NOT NULL, dueBy BIGINT NOT NULL, certification TEXT,
                    lifeEvent TEXT, suspension TEXT, changeSequence BIGINT NOT NULL,
                    PRIMARY KEY (idNumber, year));
                CREATE INDEX retireeCheckByChange ON retireeCheck (changeSequence);
                """),
        // Residents' ratings of services, counted in the console's figures; no terminal pulls them.
        Migration(
            name: "v20-satisfaction-ratings",
            sqlite: """
                CREATE TABLE satisfactionRating (
                    id TEXT PRIMARY KEY NOT NULL, level TEXT NOT NULL, reason TEXT, channel TEXT NOT NULL,
                    service TEXT, servedBy TEXT, regionCode TEXT NOT NULL, at INTEGER NOT NULL) STRICT;
                CREATE INDEX satisfactionRatingByRegion ON satisfactionRating (regionCode, at);
                """,
            postgres: """
                CREATE TABLE satisfactionRating (
                    id TEXT PRIMARY KEY NOT NULL, level TEXT NOT NULL, reason TEXT, channel TEXT NOT NULL,
                    service TEXT, servedBy TEXT, regionCode TEXT COLLATE "C" NOT NULL, at BIGINT NOT NULL);
                CREATE INDEX satisfactionRatingByRegion ON satisfactionRating (regionCode, at);
                """),
        // The services' guides the county publishes for every terminal.
        Migration(
            name: "v21-service-guides",
            sqlite: """
                CREATE TABLE serviceGuide (
                    kind TEXT PRIMARY KEY NOT NULL, guide TEXT NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                """,
            postgres: """
                CREATE TABLE serviceGuide (
                    kind TEXT PRIMARY KEY NOT NULL, guide TEXT NOT NULL, changeSequence BIGINT NOT NULL);
                """),
        // The policy notices the county publishes for every terminal.
        Migration(
            name: "v22-notices",
            sqlite: """
                CREATE TABLE notice (
                    id TEXT PRIMARY KEY NOT NULL, notice TEXT NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                """,
            postgres: """
                CREATE TABLE notice (id TEXT PRIMARY KEY NOT NULL, notice TEXT NOT NULL, changeSequence BIGINT NOT NULL);
                """),
        // The employment register: each registration with its entries, placed by its person's region.
        Migration(
            name: "v23-job-seekers",
            sqlite: """
                CREATE TABLE jobSeeker (
                    id TEXT PRIMARY KEY NOT NULL, idNumber TEXT NOT NULL, record TEXT NOT NULL,
                    changeSequence INTEGER NOT NULL) STRICT;
                CREATE INDEX jobSeekerByPerson ON jobSeeker (idNumber);
                CREATE INDEX jobSeekerByChange ON jobSeeker (changeSequence);
                """,
            postgres: """
                CREATE TABLE jobSeeker (
                    id TEXT PRIMARY KEY NOT NULL, idNumber TEXT NOT NULL, record TEXT NOT NULL,
                    changeSequence BIGINT NOT NULL);
                CREATE INDEX jobSeekerByPerson ON jobSeeker (idNumber);
                CREATE INDEX jobSeekerByChange ON jobSeeker (changeSequence);
                """),
        // Postings staff enter: where the job is in words, its kind, the skills it asks for (a JSON
        // array), its last day shown, and who posted it. Older rows are full-time jobs with no end.
        Migration(
            name: "v24-job-posting-details",
            sqlite: """
                ALTER TABLE jobPosting ADD COLUMN place TEXT NOT NULL DEFAULT '';
                ALTER TABLE jobPosting ADD COLUMN kind TEXT NOT NULL DEFAULT 'full-time';
                ALTER TABLE jobPosting ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE jobPosting ADD COLUMN until TEXT;
                ALTER TABLE jobPosting ADD COLUMN postedBy TEXT;
                """,
            postgres: """
                ALTER TABLE jobPosting ADD COLUMN place TEXT NOT NULL DEFAULT '';
                ALTER TABLE jobPosting ADD COLUMN kind TEXT NOT NULL DEFAULT 'full-time';
                ALTER TABLE jobPosting ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE jobPosting ADD COLUMN until TEXT;
                ALTER TABLE jobPosting ADD COLUMN postedBy TEXT;
                """),
        // Training courses the county and townships posted, placed where they are held.
        Migration(
            name: "v25-training-courses",
            sqlite: """
                CREATE TABLE trainingCourse (
                    id TEXT PRIMARY KEY NOT NULL, regionCode TEXT NOT NULL, course TEXT NOT NULL,
                    changeSequence INTEGER NOT NULL) STRICT;
                CREATE INDEX trainingCourseByChange ON trainingCourse (changeSequence);
                """,
            postgres: """
                CREATE TABLE trainingCourse (
                    id TEXT PRIMARY KEY NOT NULL, regionCode TEXT COLLATE "C" NOT NULL, course TEXT NOT NULL,
                    changeSequence BIGINT NOT NULL);
                CREATE INDEX trainingCourseByChange ON trainingCourse (changeSequence);
                """),
        // Appointments of the halls and home visits, placed by the hall's area, with the columns a
        // slot's open bookings are counted by.
        Migration(
            name: "v26-appointments",
            sqlite: """
                CREATE TABLE appointment (
                    id TEXT PRIMARY KEY NOT NULL, idNumber TEXT NOT NULL, regionCode TEXT NOT NULL, day TEXT NOT NULL,
                    slot TEXT, open INTEGER NOT NULL, appointment TEXT NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                CREATE INDEX appointmentBySlot ON appointment (regionCode, day, open);
                CREATE INDEX appointmentByChange ON appointment (changeSequence);
                """,
            postgres: """
                CREATE TABLE appointment (
                    id TEXT PRIMARY KEY NOT NULL, idNumber TEXT NOT NULL, regionCode TEXT COLLATE "C" NOT NULL,
                    day TEXT NOT NULL, slot TEXT, open BIGINT NOT NULL, appointment TEXT NOT NULL,
                    changeSequence BIGINT NOT NULL);
                CREATE INDEX appointmentBySlot ON appointment (regionCode, day, open);
                CREATE INDEX appointmentByChange ON appointment (changeSequence);
                """),
        // The residents' pension's grade table the county published, as JSON, for every terminal.
        Migration(
            name: "v27-pension-grades",
            sqlite: """
                CREATE TABLE pensionGradeTable (
                    id TEXT PRIMARY KEY NOT NULL, grades TEXT NOT NULL, changeSequence INTEGER NOT NULL) STRICT;
                """,
            postgres: """
                CREATE TABLE pensionGradeTable (
                    id TEXT PRIMARY KEY NOT NULL, grades TEXT NOT NULL, changeSequence BIGINT NOT NULL);
                """),
        // Labour disputes and petitions, placed by the area of the office that took them.
        Migration(
            name: "v28-disputes",
            sqlite: """
                CREATE TABLE dispute (
                    id TEXT PRIMARY KEY NOT NULL, idNumber TEXT NOT NULL, regionCode TEXT NOT NULL, dispute TEXT NOT NULL,
                    changeSequence INTEGER NOT NULL) STRICT;
                CREATE INDEX disputeByChange ON dispute (changeSequence);
                """,
            postgres: """
                CREATE TABLE dispute (
                    id TEXT PRIMARY KEY NOT NULL, idNumber TEXT NOT NULL, regionCode TEXT COLLATE "C" NOT NULL,
                    dispute TEXT NOT NULL, changeSequence BIGINT NOT NULL);
                CREATE INDEX disputeByChange ON dispute (changeSequence);
                """),
    ]

    /// The table that records which migrations a database has had, the same in both dialects.
    static let migrationTable = "CREATE TABLE IF NOT EXISTS centreMigration (name TEXT PRIMARY KEY NOT NULL)"
}
