import Foundation
import GRDB
import KioskCore
import Vocabulary

extension SQLiteKioskStore {
    public func person(_ idNumber: String) async throws -> Person? {
        try await pool.read { db in try PersonRow.fetchOne(db, key: idNumber)?.person }
    }

    /// One read transaction for the whole overview: a consistent snapshot, and one trip to a
    /// reader connection instead of five.
    public func summary(of idNumber: String) async throws -> PersonSummary? {
        try await pool.read { db in
            guard let person = try PersonRow.fetchOne(db, key: idNumber)?.person else { return nil }
            return PersonSummary(
                person: person,
                enrolments: try Self.enrolments(of: idNumber, db),
                cards: try Self.cardRecords(of: idNumber, db),
                openApplications: try Self.applications(
                    ApplicationFilter(idNumber: idNumber, statuses: Set(ApplicationStatus.allCases.filter(\.isOpen))),
                    db),
                asOf: try Self.cacheAsOf(db)
            )
        }
    }

    public func enrolments(of idNumber: String) async throws -> [Enrolment] {
        try await pool.read { db in try Self.enrolments(of: idNumber, db) }
    }

    static func enrolments(of idNumber: String, _ db: Database) throws -> [Enrolment] {
        try EnrolmentRow.filter(EnrolmentRow.Columns.idNumber == idNumber)
            .order(EnrolmentRow.Columns.insurance, EnrolmentRow.Columns.since)
            .fetchAll(db).map(\.enrolment)
    }

    public func contributions(of idNumber: String, insurance: InsuranceType?, from: YearMonth?, to: YearMonth?)
        async throws -> [Contribution]
    {
        try await pool.read { db in try Self.contributions(of: idNumber, insurance: insurance, from: from, to: to, db) }
    }

    public func personWithContributions(
        _ idNumber: String, insurance: InsuranceType?, from: YearMonth?, to: YearMonth?
    ) async throws -> (person: Person, contributions: [Contribution])? {
        try await pool.read { db in
            guard let person = try PersonRow.fetchOne(db, key: idNumber)?.person else { return nil }
            return (person, try Self.contributions(of: idNumber, insurance: insurance, from: from, to: to, db))
        }
    }

    static func contributions(
        of idNumber: String, insurance: InsuranceType?, from: YearMonth?, to: YearMonth?, _ db: Database
    ) throws -> [Contribution] {
        var request = ContributionRow.filter(ContributionRow.Columns.idNumber == idNumber)
        if let insurance { request = request.filter(ContributionRow.Columns.insurance == insurance.rawValue) }
        if let from { request = request.filter(ContributionRow.Columns.month >= from.index) }
        if let to { request = request.filter(ContributionRow.Columns.month <= to.index) }
        return try request.order(ContributionRow.Columns.month.desc, ContributionRow.Columns.insurance)
            .fetchAll(db).map(\.contribution)
    }

    public func serviceGuides() async throws -> [ServiceGuide] {
        let order = ApplicationKind.allCases
        return try await pool.read { db in try ServiceGuideRow.fetchAll(db).map { try $0.guide() } }
            .sorted { order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)! }
    }

    public func notices() async throws -> [PolicyNotice] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT notice FROM notice ORDER BY id").map {
                try JSONDecoder().decode(PolicyNotice.self, from: Data($0.utf8))
            }
        }
    }

    public func pensionPayments(of idNumber: String) async throws -> [PensionPayment] {
        try await pool.read { db in
            try PensionPaymentRow.filter(PensionPaymentRow.Columns.idNumber == idNumber)
                .order(PensionPaymentRow.Columns.month.desc)
                .fetchAll(db).map(\.payment)
        }
    }

    public func jobPostings(inRegion prefix: String, shownOn day: String, limit: Int) async throws -> [JobPosting] {
        try await pool.read { db in
            try JobPostingRow.filter(RegionPrefix(prefix).contains(JobPostingRow.Columns.regionCode))
                .filter(JobPostingRow.Columns.postedOn <= day)
                .filter(JobPostingRow.Columns.until == nil || JobPostingRow.Columns.until >= day)
                .order(JobPostingRow.Columns.postedOn.desc).limit(limit).fetchAll(db).map(\.posting)
        }
    }

    public func jobPosting(_ id: String) async throws -> JobPosting? {
        try await pool.read { db in try JobPostingRow.fetchOne(db, key: id)?.posting }
    }

    public func post(jobPosting draft: JobPosting, by principal: Principal, at now: Date) async throws -> JobPosting {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            var posting = draft
            posting.id = "\(recorder.terminal.terminalID)-P\(try recorder.next("jobPosting"))"
            try Self.publish(posting, by: principal, recorder)
            return posting
        }
    }

    public func republish(jobPosting posting: JobPosting, by principal: Principal, at now: Date) async throws {
        try await pool.write { db in
            try Self.publish(posting, by: principal, try ChangeRecorder(db, at: now, key: ledgerKey))
        }
    }

    /// Keeps the posting, queues it for the centre and logs who published it, in the caller's transaction.
    private static func publish(_ posting: JobPosting, by principal: Principal, _ recorder: ChangeRecorder) throws {
        try recorder.db.execute(sql: JobPostingRow.upsert, arguments: JobPostingRow.upsertArguments(posting))
        try recorder.enqueue(
            .jobPosting, payload: posting, baseVersion: nil, priority: SyncCommandKind.normalPriority)
        try recorder.log(
            SyncCommandKind.jobPosting.rawValue, subject: .jobPosting(id: posting.id), by: principal,
            detail: "region=\(posting.regionCode) kind=\(posting.kind.rawValue) until=\(posting.until ?? "-")")
    }

    public func pensionGrades() async throws -> PensionGradeTable {
        try await pool.read { db in
            guard
                let json = try String.fetchOne(
                    db, sql: "SELECT grades FROM pensionGradeTable WHERE id = ?", arguments: [PensionGradeTable.key])
            else { return .national }
            return try JSONDecoder().decode(PensionGradeTable.self, from: Data(json.utf8))
        }
    }

    public func workingCalendar() async throws -> WorkingCalendar {
        try await pool.read { db in try Self.workingCalendar(db) }
    }

    static func workingCalendar(_ db: Database) throws -> WorkingCalendar {
        WorkingCalendar.published.replacing(with: try CalendarYearRow.fetchAll(db).map(\.year))
    }

    public func serviceRoutes() async throws -> ServiceRoutes {
        try await pool.read { db in try Self.serviceRoutes(db) }
    }

    static func serviceRoutes(_ db: Database) throws -> ServiceRoutes {
        ServiceRoutes.national.replacing(with: try ServiceRouteRow.fetchAll(db).map(\.route))
    }

    public func cacheAsOf() async throws -> Date? {
        try await pool.read { db in try Self.cacheAsOf(db) }
    }

    static func cacheAsOf(_ db: Database) throws -> Date? {
        try CacheStateRow.fetchOne(db).map { Date(milliseconds: $0.asOf) }
    }

    public func referenceDataCursor() async throws -> String? {
        try await pool.read { db in try CacheStateRow.fetchOne(db).flatMap { $0.loaded ? $0.cursor : nil } }
    }

    public func applyReferenceData(_ page: ReferenceDataPage) async throws {
        try await apply(page, loaded: true)
    }

    public func applySnapshotPage(_ page: ReferenceDataPage) async throws {
        try await apply(page, loaded: false)
    }

    public func finishSnapshot(cursor: String, asOf: Date) async throws {
        try await pool.write { db in
            try CacheStateRow(cursor: cursor, asOf: asOf.milliseconds, loaded: true).save(db)
        }
    }

    public func snapshotResumePoint() async throws -> SnapshotResumePoint? {
        try await pool.read { db in
            guard let state = try CacheStateRow.fetchOne(db), !state.loaded, let token = state.resumeAfter else {
                return nil
            }
            return SnapshotResumePoint(cursor: state.cursor, token: token, asOf: Date(milliseconds: state.asOf))
        }
    }

    public func discardSnapshotResumePoint() async throws {
        try await pool.write { db in
            guard var state = try CacheStateRow.fetchOne(db), !state.loaded else { return }
            state.resumeAfter = nil
            try state.save(db)
        }
    }

    /// The bulk path: one transaction per page, one cached prepared statement per table, rows
    /// bound straight to it. Removals go first (a row in the same page is newer than they are),
    /// then parents (people), so that foreign keys hold row by row.
    private func apply(_ page: ReferenceDataPage, loaded: Bool) async throws {
        let ledgerKey = ledgerKey
        try await pool.write { db in
            if !page.removals.isEmpty || !page.staff.isEmpty || !page.calendarYears.isEmpty
                || !page.serviceRoutes.isEmpty || !page.serviceGuides.isEmpty || !page.notices.isEmpty
                || !page.applications.isEmpty
            {
                let recorder = try ChangeRecorder(db, at: Date(), key: ledgerKey)
                for removal in page.removals { try Self.remove(removal, db, recorder) }
                for account in page.staff { try Self.keep(account, db, recorder) }
                for year in page.calendarYears {
                    try CalendarYearRow(year).save(db)
                    try recorder.log("calendar.from-centre", subject: .terminal, by: .centre, detail: year.summary)
                }
                for route in page.serviceRoutes {
                    try ServiceRouteRow(route).save(db)
                    try recorder.log("route.from-centre", subject: .terminal, by: .centre, detail: route.summary)
                }
                for guide in page.serviceGuides {
                    try ServiceGuideRow(guide).save(db)
                    try recorder.log(
                        "guide.from-centre", subject: .serviceGuide(guide.kind), by: .centre,
                        detail: "materials=\(guide.materials.count) steps=\(guide.steps.count)")
                }
                for notice in page.notices {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO notice (id, notice) VALUES (?, ?)",
                        arguments: [notice.id, String(decoding: try JSONEncoder().encode(notice), as: UTF8.self)])
                    try recorder.log(
                        "notice.from-centre", subject: .notice(id: notice.id), by: .centre,
                        detail: "from=\(notice.from) until=\(notice.until)")
                }
                try Self.keep(page.applications, db, recorder)
            }
            try upsert(page.people, db, PersonRow.upsert, PersonRow.upsertArguments)
            try upsert(page.enrolments, db, EnrolmentRow.upsert, EnrolmentRow.upsertArguments)
            try upsert(page.contributions, db, ContributionRow.upsert, ContributionRow.upsertArguments)
            try upsert(page.pensionPayments, db, PensionPaymentRow.upsert, PensionPaymentRow.upsertArguments)
            try upsert(page.jobPostings, db, JobPostingRow.upsert, JobPostingRow.upsertArguments)
            try Self.keep(page.retireeChecks, db)
            try Self.keep(page.jobSeekers, db)
            for course in page.trainingCourses { try TrainingCourseRow(course).save(db) }
            try Self.keep(page.appointments, db)
            try Self.keep(page.disputes, db)
            for table in page.pensionGrades {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO pensionGradeTable (id, grades) VALUES (?, ?)",
                    arguments: [table.id, String(decoding: try JSONEncoder().encode(table), as: UTF8.self)])
            }
            if !page.cardRecords.isEmpty {
                let fallbackRegion = try TerminalRow.fetchOne(db)?.jurisdiction ?? ""
                let encoder = SyncJSON.encoder()
                try upsert(page.cardRecords, db, CardRow.upsert) { card in
                    try CardRow.upsertArguments(card, fallbackRegion: fallbackRegion, encoder: encoder)
                }
            }
            try CacheStateRow(
                cursor: page.cursor, asOf: page.asOf.milliseconds, loaded: loaded,
                resumeAfter: loaded ? nil : page.resumeAfter
            ).save(db)
        }
    }

    /// Takes the record out of the cache, with a ledger entry when the cache held it: a person
    /// goes with their records (the foreign keys cascade) and their cards.
    private static func remove(_ removal: ReferenceRemoval, _ db: Database, _ recorder: ChangeRecorder) throws {
        let subject: LedgerSubject
        let removed: Bool
        switch removal.record {
        case .person(let idNumber):
            subject = .person(idNumber: idNumber)
            let cards = try CardRow.filter(CardRow.Columns.idNumber == idNumber).deleteAll(db)
            removed = try PersonRow.deleteOne(db, key: idNumber) || cards > 0
        case .enrolment(let idNumber, let insurance, let since):
            subject = .person(idNumber: idNumber)
            removed =
                try EnrolmentRow.filter(
                    EnrolmentRow.Columns.idNumber == idNumber && EnrolmentRow.Columns.insurance == insurance.rawValue
                        && EnrolmentRow.Columns.since == since.index
                ).deleteAll(db) > 0
        case .card(let cardNumber):
            subject = .card(number: cardNumber)
            removed = try CardRow.deleteOne(db, key: cardNumber)
        case .jobPosting(let id):
            subject = .jobPosting(id: id)
            removed = try JobPostingRow.deleteOne(db, key: id)
        case .staff(let id):
            subject = .staff(id: id)
            removed = try StaffRow.deleteOne(db, key: id)
        }
        guard removed else { return }
        try recorder.log(
            "reference.\(removal.reason.rawValue)", subject: subject, by: .centre, detail: removal.ledgerDetail)
    }

    /// Keeps a staff account the centre sent, in place of any account of the same id: with its
    /// password hash, so that its member signs in while the link is down. One that does not work
    /// inside this terminal's jurisdiction is not kept (the centre sends a county's accounts).
    private static func keep(_ account: StaffAccount, _ db: Database, _ recorder: ChangeRecorder) throws {
        let member = account.member
        guard member.jurisdiction.meets(recorder.terminal.jurisdiction) else {
            try remove(ReferenceRemoval(.staff(id: member.id), reason: .movedOut), db, recorder)
            return
        }
        try StaffRow(account, fromCentre: true).save(db)
        try recorder.log(
            "staff.from-centre", subject: .staff(id: member.id), by: .centre,
            detail:
                "role=\(member.role.rawValue) jurisdiction=\(member.jurisdiction.regionPrefix) disabled=\(account.isDisabled) mustChangePassword=\(account.mustChangePassword)"
        )
    }

    /// Keeps the centre's copy of each application, except one with a change of this terminal's
    /// still to be sent: that change was made on a copy the centre has not seen yet, and the copy
    /// the centre makes of it comes down again once it is applied.
    private static func keep(_ applications: [VersionedApplication], _ db: Database, _ recorder: ChangeRecorder)
        throws
    {
        guard !applications.isEmpty else { return }
        let unsent = try unsentSubjects(of: [.applicationSubmit, .applicationMove], at: "$.id", db)
        for copy in applications where !unsent.contains(copy.application.id) {
            let application = copy.application
            let before = try ApplicationRow.fetchOne(db, key: application.id)
            let closedAt = application.status.isOpen ? nil : (before?.closedAt ?? recorder.now.milliseconds)
            try ApplicationRow(application, version: copy.version, closedAt: closedAt).save(db)
        }
    }

    private func upsert<Value>(
        _ values: [Value], _ db: Database, _ sql: String, _ arguments: (Value) throws -> StatementArguments
    ) throws {
        guard !values.isEmpty else { return }
        let statement = try db.cachedStatement(sql: sql)
        for value in values { try statement.execute(arguments: try arguments(value)) }
    }
}
