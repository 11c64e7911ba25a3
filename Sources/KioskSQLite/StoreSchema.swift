import GRDB
import KioskCore

/// The store's tables, as migrations applied in order. A migration, once shipped, never changes:
/// a terminal in the field upgrades by running the ones it has not seen. So migrations name tables
/// and columns literally rather than through the record types, which move on.
///
/// Tables are STRICT (a wrong type is an error, not a silent conversion). Tables of small rows
/// looked up by a natural key, above all `contribution` with its millions of rows, are WITHOUT
/// ROWID: the key is the table's own b-tree, which saves a second index and keeps one person's
/// rows together on disk.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-terminal-and-staff", migrate: createTerminalAndStaff)
        migrator.registerMigration("v2-reference-data", migrate: createReferenceData)
        migrator.registerMigration("v3-applications-and-cards", migrate: createApplicationsAndCards)
        migrator.registerMigration("v4-outbox-and-ledger", migrate: createOutboxAndLedger)
        migrator.registerMigration("v5-print-jobs", migrate: createPrintJobs)
        migrator.registerMigration("v6-cache-loaded", migrate: addCacheLoaded)
        migrator.registerMigration("v7-national-insurance-codes") { db in
            try db.execute(sql: InsuranceCodeMigration.sql)
        }
        migrator.registerMigration("v8-sign-in-failures", migrate: createSignInFailures)
        migrator.registerMigration("v9-staff-account-state", migrate: addStaffAccountState)
        migrator.registerMigration("v10-ledger-key", migrate: addLedgerKeyCheck)
        migrator.registerMigration("v11-case-work", migrate: addCaseWork)
        migrator.registerMigration("v12-snapshot-resume", migrate: addSnapshotResume)
        migrator.registerMigration("v13-staff-from-centre") { db in
            try db.alter(table: "staff") { t in t.add(column: "fromCentre", .integer).notNull().defaults(to: 0) }
        }
        migrator.registerMigration("v14-calendar-years") { db in
            try db.create(table: "calendarYear", options: .strict) { t in
                t.primaryKey("year", .integer)
                t.column("holidays", .text).notNull()
                t.column("workdays", .text).notNull()
                t.column("source", .text).notNull()
            }
        }
        // Routes across levels: the centre's per service, and each application's own route and step
        // (an application made before has none and is read on the national route at its last step).
        migrator.registerMigration("v15-service-routes") { db in
            try db.create(table: "serviceRoute", options: .strict) { t in
                t.primaryKey("kind", .text)
                t.column("steps", .text).notNull()
            }
            try db.alter(table: "application") { t in
                t.add(column: "route", .text)
                t.add(column: "step", .integer)
                t.add(column: "stepDue", .integer)
                t.add(column: "level", .text)
            }
        }
        // The photo checked at the desk for a card request, printed on its face.
        migrator.registerMigration("v16-card-photos") { db in
            try db.create(table: "cardPhoto", options: .strict) { t in
                t.primaryKey("cardNumber", .text)
                t.column("jpeg", .blob).notNull()
                t.column("keptAt", .integer).notNull()
                t.column("keptBy", .text).notNull()
            }
        }
        // Retirees' qualification checks as the centre published them, with what was recorded on
        // each (JSON of the entry, or null).
        migrator.registerMigration("v17-retiree-checks") { db in
            try db.create(table: "retireeCheck", options: [.strict, .withoutRowID]) { t in
                t.primaryKey {
                    t.column("idNumber", .text).references("person", onDelete: .cascade)
                    t.column("year", .integer)
                }
                t.column("dueBy", .integer).notNull()
                t.column("certification", .text)
                t.column("lifeEvent", .text)
                t.column("suspension", .text)
            }
        }
        // Residents' ratings of the services they were given, kept until the centre has them.
        migrator.registerMigration("v18-satisfaction-ratings") { db in
            try db.create(table: "satisfactionRating", options: .strict) { t in
                t.primaryKey("id", .text)
                t.column("level", .text).notNull()
                t.column("reason", .text)
                t.column("channel", .text).notNull()
                t.column("service", .text)
                t.column("servedBy", .text)
                t.column("regionCode", .text).notNull()
                t.column("at", .integer).notNull()
            }
        }
        // The services' guides the county published, each as its JSON.
        migrator.registerMigration("v19-service-guides") { db in
            try db.create(table: "serviceGuide", options: .strict) { t in
                t.primaryKey("kind", .text)
                t.column("guide", .text).notNull()
            }
        }
        // The policy notices the county published, each as its JSON.
        migrator.registerMigration("v20-notices") { db in
            try db.create(table: "notice", options: .strict) { t in
                t.primaryKey("id", .text)
                t.column("notice", .text).notNull()
            }
        }
        // The employment register: each registration with its follow-ups, referrals and closing as
        // its JSON, the person's open one found by `closed`.
        migrator.registerMigration("v21-job-seekers") { db in
            try db.create(table: "jobSeeker", options: .strict) { t in
                t.primaryKey("id", .text)
                t.column("idNumber", .text).notNull().indexed().references("person", onDelete: .cascade)
                t.column("registeredAt", .integer).notNull()
                t.column("closed", .integer).notNull()
                t.column("record", .text).notNull()
            }
        }
        // Postings staff enter: where the job is in words, its kind, the skills it asks for (a JSON
        // array), its last day shown, and who posted it. Older rows are full-time jobs with no end.
        migrator.registerMigration("v22-job-posting-details") { db in
            try db.alter(table: "jobPosting") { t in
                t.add(column: "place", .text).notNull().defaults(to: "")
                t.add(column: "kind", .text).notNull().defaults(to: JobPosting.Kind.fullTime.rawValue)
                t.add(column: "skills", .text).notNull().defaults(to: "[]")
                t.add(column: "until", .text)
                t.add(column: "postedBy", .text)
            }
        }
        // The training courses the county and townships posted, each as its JSON.
        migrator.registerMigration("v23-training-courses") { db in
            try db.create(table: "trainingCourse", options: .strict) { t in
                t.primaryKey("id", .text)
                t.column("regionCode", .text).notNull()
                t.column("endsOn", .text).notNull()
                t.column("course", .text).notNull()
            }
        }
        // Appointments of the jurisdiction's halls and home visits, each as its JSON.
        migrator.registerMigration("v24-appointments") { db in
            try db.create(table: "appointment", options: .strict) { t in
                t.primaryKey("id", .text)
                t.column("idNumber", .text).notNull().indexed()
                t.column("regionCode", .text).notNull()
                t.column("day", .text).notNull()
                t.column("slot", .text)
                t.column("open", .integer).notNull()
                t.column("appointment", .text).notNull()
            }
            try db.create(index: "appointmentByDay", on: "appointment", columns: ["regionCode", "day", "slot"])
        }
        // The residents' pension's grade table the county published, as its JSON.
        migrator.registerMigration("v25-pension-grades") { db in
            try db.create(table: "pensionGradeTable", options: .strict) { t in
                t.primaryKey("id", .text)
                t.column("grades", .text).notNull()
            }
        }
        // Labour disputes and petitions of the jurisdiction, each as its JSON.
        migrator.registerMigration("v26-disputes") { db in
            try db.create(table: "dispute", options: .strict) { t in
                t.primaryKey("id", .text)
                t.column("idNumber", .text).notNull()
                t.column("regionCode", .text).notNull().indexed()
                t.column("receivedAt", .text).notNull()
                t.column("dispute", .text).notNull()
            }
        }
        return migrator
    }

    private static func createTerminalAndStaff(_ db: Database) throws {
        try db.create(table: "terminal", options: .strict) { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("terminalID", .text).notNull()
            t.column("jurisdiction", .text).notNull()
            t.column("name", .text).notNull()
        }
        // Named counters (outbox sequence, application number), each moved in the transaction that uses it.
        try db.create(table: "counter", options: [.strict, .withoutRowID]) { t in
            t.primaryKey("name", .text)
            t.column("value", .integer).notNull()
        }
        try db.create(table: "staff", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("role", .text).notNull()
            t.column("jurisdiction", .text).notNull()
            t.column("passwordHash", .text).notNull()
        }
    }

    /// Lockouts that survive a restart: one row per member of staff with failures in a row.
    private static func createSignInFailures(_ db: Database) throws {
        try db.create(table: "signInFailure", options: .strict) { t in
            t.primaryKey("staffID", .text).references("staff", onDelete: .cascade)
            t.column("count", .integer).notNull()
            t.column("lockedUntil", .text)
        }
    }

    private static func createReferenceData(_ db: Database) throws {
        try db.create(table: "person", options: [.strict, .withoutRowID]) { t in
            t.primaryKey("idNumber", .text)
            t.column("name", .text).notNull()
            t.column("sex", .text).notNull()
            t.column("birthDate", .text).notNull()
            t.column("regionCode", .text).notNull()
            t.column("phone", .text)
            t.column("version", .integer).notNull()
        }
        // A person's records go with them when the centre removes them from the cache.
        try db.create(table: "enrolment", options: [.strict, .withoutRowID]) { t in
            t.primaryKey {
                t.column("idNumber", .text).references("person", onDelete: .cascade)
                t.column("insurance", .text)
                t.column("since", .integer)
            }
            t.column("until", .integer)
            t.column("status", .text).notNull()
            t.column("unit", .text).notNull()
        }
        try db.create(table: "contribution", options: [.strict, .withoutRowID]) { t in
            t.primaryKey {
                t.column("idNumber", .text).references("person", onDelete: .cascade)
                t.column("insurance", .text)
                t.column("month", .integer)
            }
            t.column("baseFen", .integer).notNull()
            t.column("personalFen", .integer).notNull()
            t.column("employerFen", .integer).notNull()
            t.column("paid", .integer).notNull()
        }
        try db.create(table: "pensionPayment", options: [.strict, .withoutRowID]) { t in
            t.primaryKey {
                t.column("idNumber", .text).references("person", onDelete: .cascade)
                t.column("month", .integer)
            }
            t.column("amountFen", .integer).notNull()
            t.column("accountMasked", .text).notNull()
        }
        try db.create(table: "jobPosting", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("title", .text).notNull()
            t.column("employer", .text).notNull()
            t.column("regionCode", .text).notNull()
            t.column("monthlyWageFromFen", .integer).notNull()
            t.column("monthlyWageToFen", .integer).notNull()
            t.column("postedOn", .text).notNull()
            t.column("contact", .text).notNull()
        }
        try db.create(
            index: "jobPostingByRegion", on: "jobPosting", columns: ["regionCode", "postedOn"])
        try db.create(table: "cacheState", options: .strict) { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("cursor", .text).notNull()
            t.column("asOf", .integer).notNull()
        }
    }

    private static func createApplicationsAndCards(_ db: Database) throws {
        try db.create(table: "application", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("idNumber", .text).notNull()
            t.column("status", .text).notNull()
            t.column("submittedBy", .text).notNull()
            t.column("submittedAt", .integer).notNull()
            t.column("deadline", .integer).notNull()
            t.column("approvedBy", .text)
            t.column("completedAt", .integer)
            t.column("closedAt", .integer)
            t.column("details", .text).notNull()
            t.column("terminalID", .text).notNull()
            t.column("regionCode", .text).notNull()
            t.column("version", .integer).notNull()
        }
        // Duplicate detection and a person's applications; a supervisor's queue; day statistics.
        try db.create(
            index: "applicationByPerson", on: "application", columns: ["idNumber", "kind"])
        try db.create(
            index: "applicationByStatus", on: "application", columns: ["status", "regionCode"])
        try db.create(index: "applicationBySubmission", on: "application", columns: ["submittedAt"])
        try db.create(
            index: "applicationByCompletion", on: "application", columns: ["completedAt"],
            condition: Column("completedAt") != nil)

        try db.create(table: "card", options: .strict) { t in
            t.primaryKey("cardNumber", .text)
            t.column("idNumber", .text).notNull()
            t.column("status", .text).notNull()
            t.column("cardIdentifier", .text)
            t.column("steps", .text).notNull()
            t.column("regionCode", .text).notNull()
            t.column("version", .integer).notNull()
        }
        try db.create(index: "cardByHolder", on: "card", columns: ["idNumber"])
        try db.create(index: "cardByStatus", on: "card", columns: ["status", "regionCode"])
    }

    private static func createOutboxAndLedger(_ db: Database) throws {
        try db.create(table: "outbox", options: .strict) { t in
            t.primaryKey("sequence", .integer)
            t.column("idempotencyKey", .text).notNull().unique()
            t.column("command", .text).notNull()
            t.column("payload", .blob).notNull()
            t.column("baseVersion", .integer)
            t.column("priority", .integer).notNull()
            t.column("status", .text).notNull()
            t.column("attempts", .integer).notNull()
            t.column("createdAt", .integer).notNull()
            t.column("lastAttemptAt", .integer)
            t.column("lastError", .text)
        }
        // The sender's queue: pending entries only, in the order it drains them.
        try db.execute(
            sql: """
                CREATE INDEX outboxQueue ON outbox (priority DESC, sequence)
                WHERE status = 'pending'
                """)

        try db.create(table: "ledger", options: .strict) { t in
            t.primaryKey("sequence", .integer)
            t.column("atMilliseconds", .integer).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("terminalID", .text).notNull()
            t.column("regionCode", .text).notNull()
            t.column("detail", .text).notNull()
            t.column("previousHash", .text).notNull()
            t.column("hash", .text).notNull()
        }
        // Append-only against mistakes in code: someone with the file can drop these, and the hash
        // chain and head are what catch them then.
        try db.execute(
            sql: """
                CREATE TRIGGER ledgerNoUpdate BEFORE UPDATE ON ledger
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
                CREATE TRIGGER ledgerNoDelete BEFORE DELETE ON ledger
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
                """)
        try db.create(table: "ledgerHead", options: .strict) { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("sequence", .integer).notNull()
            t.column("hash", .text).notNull()
        }
    }

    /// Print jobs, so that a job's state still answers after the service restarts: the API's
    /// document of the job, whose it is, and when it last changed, for forgetting finished ones.
    private static func createPrintJobs(_ db: Database) throws {
        try db.create(table: "printJob", options: .strict) { t in
            t.primaryKey("key", .text)
            t.column("owner", .text).notNull()
            t.column("status", .blob).notNull()
            t.column("finished", .integer).notNull()
            t.column("updatedAt", .integer).notNull()
        }
        try db.create(index: "printJobByAge", on: "printJob", columns: ["finished", "updatedAt"])
    }

    /// Accounts made before this migration keep working as they did: no forced change, enabled.
    private static func addStaffAccountState(_ db: Database) throws {
        try db.alter(table: "staff") { t in
            t.add(column: "mustChangePassword", .integer).notNull().defaults(to: 0)
            t.add(column: "disabled", .integer).notNull().defaults(to: 0)
        }
    }

    /// A cache filled before this migration was loaded by then; a snapshot in progress clears it.
    private static func addCacheLoaded(_ db: Database) throws {
        try db.alter(table: "cacheState") { t in t.add(column: "loaded", .integer).notNull().defaults(to: 1) }
    }

    /// Where a first load that broke off goes on (``CacheStateRow/resumeAfter``).
    private static func addSnapshotResume(_ db: Database) throws {
        try db.alter(table: "cacheState") { t in t.add(column: "resumeAfter", .text) }
    }

    /// The ledger's chain from plain SHA-256 to HMAC-SHA256 under a key kept outside the database
    /// (``KioskCore/LedgerKey``), so that whoever can write the file cannot reseal what they change.
    ///
    /// Old entries stay as they are and stay verifiable: the first time a store with entries is
    /// opened with a key, it appends a `ledger.seal` entry (``KioskCore/LedgerEntry/sealAction``)
    /// keyed onto the old head, and every entry after it is keyed too. The verifier checks entries
    /// before the seal as SHA-256 and the seal and all after it as HMAC; changing an old entry
    /// breaks the seal's link. A new ledger is keyed from its first entry. `keyCheck` records the
    /// key's check value with the head (NULL: not sealed yet), so a wrong key is refused by name.
    private static func addLedgerKeyCheck(_ db: Database) throws {
        try db.alter(table: "ledgerHead") { t in t.add(column: "keyCheck", .text) }
    }

    /// Case work at the desk: who owns a case, when its clock stopped for missing papers, why it was
    /// refused; and the ledger found by subject, for a case's history.
    private static func addCaseWork(_ db: Database) throws {
        try db.alter(table: "application") { t in
            t.add(column: "owner", .text)
            t.add(column: "clockStoppedAt", .integer)
            t.add(column: "rejectionReason", .text)
            t.add(column: "rejectionNote", .text)
        }
        try db.create(index: "ledger_subject", on: "ledger", columns: ["subject", "sequence"])
    }
}
