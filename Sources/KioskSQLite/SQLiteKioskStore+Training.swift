import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func trainingCourses(inRegion prefix: String, shownOn day: String) async throws -> [TrainingCourseLine] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, \(Self.seatsTaken) AS seatsTaken FROM trainingCourse c
                    WHERE c.regionCode >= ? AND c.regionCode < ? AND c.endsOn >= ?
                    ORDER BY json_extract(c.course, '$.startsOn'), c.id
                    """,
                arguments: [prefix, prefix + "\u{FFFF}", day]
            ).map(Self.line)
        }
    }

    public func trainingCourse(_ id: String) async throws -> TrainingCourseLine? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT c.*, \(Self.seatsTaken) AS seatsTaken FROM trainingCourse c WHERE c.id = ?",
                arguments: [id]
            ).map(Self.line)
        }
    }

    public func post(trainingCourse draft: TrainingCourse, by principal: Principal, at now: Date) async throws
        -> TrainingCourse
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            var course = draft
            course.id = "\(recorder.terminal.terminalID)-C\(try recorder.next("trainingCourse"))"
            try Self.publish(course, by: principal, recorder)
            return course
        }
    }

    public func republish(trainingCourse course: TrainingCourse, by principal: Principal, at now: Date) async throws {
        try await pool.write { db in
            try Self.publish(course, by: principal, try ChangeRecorder(db, at: now, key: ledgerKey))
        }
    }

    private static func publish(_ course: TrainingCourse, by principal: Principal, _ recorder: ChangeRecorder)
        throws
    {
        try TrainingCourseRow(course).save(recorder.db)
        try recorder.enqueue(
            .trainingCourse, payload: course, baseVersion: nil, priority: SyncCommandKind.normalPriority)
        try recorder.log(
            SyncCommandKind.trainingCourse.rawValue, subject: .trainingCourse(id: course.id), by: principal,
            detail: "region=\(course.regionCode) seats=\(course.seats) signUpUntil=\(course.signUpUntil)")
    }

    /// The sign-ups to the course `c` this terminal holds that still stand.
    private static let seatsTaken = """
        (SELECT count(*) FROM application a WHERE a.kind = '\(ApplicationKind.trainingSignUp.rawValue)'
            AND json_extract(a.details, '$.\(TrainingCourse.detailKey)') = c.id
            AND a.status NOT IN ('\(ApplicationStatus.rejected.rawValue)', '\(ApplicationStatus.withdrawn.rawValue)'))
        """

    private static func line(_ row: Row) throws -> TrainingCourseLine {
        TrainingCourseLine(course: try TrainingCourseRow(row: row).trainingCourse(), seatsTaken: row["seatsTaken"])
    }
}
