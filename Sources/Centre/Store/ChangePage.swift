import Foundation
import KioskCore

/// Builds one page of changes from each table's oldest changes after the cursor: every table is
/// asked for `limit` rows, so the `limit` lowest sequence numbers among them are the next ones
/// overall. The statements and what their rows become are written here once; a store only runs them.
struct ChangePage {
    /// A changed row: its change number, and how it joins the page.
    struct Change {
        let sequence: Int64
        let apply: (inout ReferenceDataPage) -> Void
    }

    /// One table's part of the page: its statement, and the change each of its rows is.
    struct Query {
        let statement: CentreSQL.Statement
        let changes: RowMapping<Change>
    }

    private var rows: [Change] = []

    /// The statements of a page: one for each table the terminals pull (the working calendar's and
    /// the routes' for every terminal alike), one for the removals, and one
    /// for the county's staff accounts, each of which becomes the account or, for a terminal it no
    /// longer works at, its removal.
    static func queries(after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int, _ sql: CentreSQL)
        -> [Query]
    {
        func query<Record: CentreRecord>(
            _: Record.Type, andAbove: Bool = false, _ join: @escaping (inout ReferenceDataPage, Record) -> Void
        ) -> Query {
            Query(
                statement: sql.changes(Record.self, after: cursor, in: jurisdiction, limit: limit, andAbove: andAbove),
                changes: RowMapping<Record>.changes.map { row in
                    Change(sequence: row.sequence) { page in join(&page, row.record) }
                })
        }
        func everywhere<Record: CentreRecord>(
            _: Record.Type, _ join: @escaping (inout ReferenceDataPage, Record) -> Void
        ) -> Query {
            Query(
                statement: sql.changesEverywhere(Record.self, after: cursor, limit: limit),
                changes: RowMapping<Record>.changes.map { row in
                    Change(sequence: row.sequence) { page in join(&page, row.record) }
                })
        }
        return [
            query(Person.self) { $0.people.append($1) },
            query(Enrolment.self) { $0.enrolments.append($1) },
            query(Contribution.self) { $0.contributions.append($1) },
            query(PensionPayment.self) { $0.pensionPayments.append($1) },
            // The county's and township's postings reach every terminal below them.
            query(JobPosting.self, andAbove: true) { $0.jobPostings.append($1) },
            query(TrainingCourse.self, andAbove: true) { $0.trainingCourses.append($1) },
            query(Appointment.self) { $0.appointments.append($1) },
            query(LabourDispute.self) { $0.disputes.append($1) },
            query(RetireeCheck.self) { $0.retireeChecks.append($1) },
            query(JobSeeker.self) { $0.jobSeekers.append($1) },
            // Cards are stored with their region; the page carries the card alone.
            query(StoredCard.self) { $0.cardRecords.append($1.card) },
            query(StoredApplication.self) {
                $0.applications.append(VersionedApplication($1.application, version: $1.version))
            },
            Query(
                statement: sql.removals(after: cursor, in: jurisdiction, limit: limit),
                changes: RowMapping<StoredRemoval>.changes.map { row in
                    Change(sequence: row.sequence) { page in page.removals.append(row.record.removal) }
                }),
            everywhere(WorkingCalendar.PublishedYear.self) { $0.calendarYears.append($1) },
            everywhere(ServiceRoute.self) { $0.serviceRoutes.append($1) },
            everywhere(ServiceGuide.self) { $0.serviceGuides.append($1) },
            everywhere(PolicyNotice.self) { $0.notices.append($1) },
            everywhere(PensionGradeTable.self) { $0.pensionGrades.append($1) },
            Query(
                statement: sql.staffChanges(after: cursor, serving: jurisdiction, limit: limit),
                changes: RowMapping<CentreStaffAccount>.changes.map { row in
                    Change(sequence: row.sequence) { page in
                        if let account = row.record.terminalAccount(serving: jurisdiction) {
                            page.staff.append(account)
                        } else {
                            page.removals.append(ReferenceRemoval(.staff(id: row.record.member.id), reason: .movedOut))
                        }
                    }
                }),
        ]
    }

    mutating func add(_ changed: [Change]) { rows += changed }

    func changes(after cursor: SyncCursor, limit: Int, at now: Date) -> SyncChanges {
        let taken = rows.sorted { $0.sequence < $1.sequence }.prefix(limit)
        var page = ReferenceDataPage(cursor: SyncCursor(taken.last?.sequence ?? cursor.sequence).description, asOf: now)
        for change in taken { change.apply(&page) }
        return SyncChanges(page: page, hasMore: rows.count > limit)
    }
}
