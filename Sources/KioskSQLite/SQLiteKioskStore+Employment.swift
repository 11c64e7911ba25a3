import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func jobSeeker(_ id: String) async throws -> JobSeeker? {
        try await pool.read { db in try JobSeekerRow.fetchOne(db, key: id)?.jobSeeker() }
    }

    public func jobSeekers(of idNumber: String) async throws -> [JobSeeker] {
        try await pool.read { db in
            try JobSeekerRow.filter(JobSeekerRow.Columns.idNumber == idNumber)
                .order(JobSeekerRow.Columns.registeredAt, JobSeekerRow.Columns.id).fetchAll(db).map {
                    try $0.jobSeeker()
                }
        }
    }

    public func jobSeekers(region prefix: String) async throws -> [JobSeekerLine] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT j.*, p.name AS personName, p.regionCode AS personRegion
                    FROM jobSeeker j JOIN person p ON p.idNumber = j.idNumber
                    WHERE p.regionCode >= ? AND p.regionCode < ?
                    ORDER BY j.closed, j.registeredAt DESC, j.id
                    """,
                arguments: [prefix, prefix + "\u{FFFF}"])
            return try rows.map { row in
                JobSeekerLine(
                    jobSeeker: try JobSeekerRow(row: row).jobSeeker(), name: row["personName"],
                    regionCode: row["personRegion"])
            }
        }
    }

    public func register(
        jobSeeker idNumber: String, _ registration: JobSeekerRegistration, by principal: Principal, at now: Date
    ) async throws -> JobSeeker {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            let open = try JobSeekerRow.filter(JobSeekerRow.Columns.idNumber == idNumber)
                .filter(JobSeekerRow.Columns.closed == false).fetchCount(db)
            guard open == 0 else { throw KioskError.alreadyRegistered }
            let jobSeeker = JobSeeker(
                id: "\(recorder.terminal.terminalID)-J\(try recorder.next("jobSeeker"))", idNumber: idNumber,
                registration: registration)
            try JobSeekerRow(jobSeeker).insert(db)
            try Self.enqueue(.registration(registration), on: jobSeeker, by: principal, recorder)
            return jobSeeker
        }
    }

    public func record(_ entry: JobSeekerEntry, onJobSeeker id: String, by principal: Principal, at now: Date)
        async throws -> JobSeeker
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            guard var jobSeeker = try JobSeekerRow.fetchOne(db, key: id)?.jobSeeker() else {
                throw KioskError.notAJobSeeker
            }
            try jobSeeker.record(entry)
            try JobSeekerRow(jobSeeker).update(db)
            try Self.enqueue(entry, on: jobSeeker, by: principal, recorder)
            return jobSeeker
        }
    }

    private static func enqueue(
        _ entry: JobSeekerEntry, on jobSeeker: JobSeeker, by principal: Principal, _ recorder: ChangeRecorder
    ) throws {
        try recorder.enqueue(
            .jobSeeker, payload: JobSeekerPayload(id: jobSeeker.id, idNumber: jobSeeker.idNumber, entry: entry),
            baseVersion: nil, priority: SyncCommandKind.normalPriority)
        try recorder.log(
            entry.actionName, subject: .person(idNumber: jobSeeker.idNumber), by: principal,
            detail: "id=\(jobSeeker.id) \(entry.ledgerDetail)")
    }

    /// Keeps the centre's copy of each registration, except one with an entry still to be sent.
    static func keep(_ jobSeekers: [JobSeeker], _ db: Database) throws {
        try keep(jobSeekers, unlessUnsent: .jobSeeker, at: "$.id", subject: \.id, db) { try JobSeekerRow($0).save(db) }
    }
}
