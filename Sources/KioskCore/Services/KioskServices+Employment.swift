import Foundation

/// The employment register (就业失业登记) at the desk: registration, the monthly follow-up, referrals
/// to the area's postings, closing, and the ten-working-day promise's clock.
extension KioskServices {
    /// What the desk's register lists.
    public enum JobSeekerFilter: String, CaseIterable, Sendable {
        case open
        /// Owed a job and past the tenth working day: the worklist of the promise.
        case late
        /// Open, and not followed up this month.
        case followUp = "follow-up"
        /// Recognised with employment difficulty: the assistance register (就业援助台账).
        case assisted
        case all

        func includes(_ jobSeeker: JobSeeker, at now: Date) -> Bool {
            switch self {
            case .open: jobSeeker.isOpen
            case .late: jobSeeker.promiseState(at: now) == .late
            case .followUp: jobSeeker.needsFollowUp(at: now)
            case .assisted: jobSeeker.difficulty != nil
            case .all: true
            }
        }
    }

    /// The registrations of the member's jurisdiction that `filter` keeps, open ones first, newest
    /// first; a read of the list on the ledger.
    public func jobSeekers(_ filter: JobSeekerFilter, for principal: Principal) async throws -> [JobSeekerLine] {
        let member = try listingMember(principal, Action.keepEmploymentRegister.rawValue)
        try AccessPolicy.authorize(principal, .keepEmploymentRegister)
        let at = now()
        let lines = try await store.jobSeekers(region: member.jurisdiction.regionPrefix).filter {
            filter.includes($0.jobSeeker, at: at)
        }
        try await logListRead(principal, "job-seekers", count: lines.count)
        return lines
    }

    /// One registration, for a clerk whose jurisdiction holds the person.
    public func jobSeeker(_ id: String, for principal: Principal) async throws -> JobSeeker {
        let jobSeeker = try await authorizedJobSeeker(id, for: principal)
        try await logStaffRead(principal, jobSeeker.idNumber, detail: "job-seeker id=\(id)")
        return jobSeeker
    }

    /// Puts a person of the clerk's jurisdiction on the register. When the office owes them a job,
    /// the clock runs to the end of the tenth working day after today, on the terminal's calendar.
    public func registerJobSeeker(
        _ idNumber: String, category: JobSeekerRegistration.Category,
        reason: JobSeekerRegistration.UnemploymentReason, lastEmployer: String?, wantsJob: Bool,
        zeroEmploymentFamily: Bool, by principal: Principal
    ) async throws -> JobSeeker {
        _ = try await authorizedPerson(idNumber, for: principal, .keepEmploymentRegister)
        let at = now()
        var registration = JobSeekerRegistration(
            category: category, reason: reason,
            lastEmployer: try Self.text(lastEmployer, field: "lastEmployer", required: false, chinese: "原工作单位"),
            wantsJob: wantsJob, zeroEmploymentFamily: zeroEmploymentFamily, by: principal.actorID, at: at,
            promiseDue: nil)
        if JobSeeker.isOwedAJob(registration) {
            registration.promiseDue = try await store.workingCalendar()
                .endOfWorkingDay(JobSeekerRegistration.promisedWorkingDays, after: at)
        }
        return try await store.register(jobSeeker: idNumber, registration, by: principal, at: at)
    }

    /// The month's follow-up of an open registration.
    public func followUpJobSeeker(
        _ id: String, method: JobSeekerFollowUp.Method, stillSeeking: Bool, note: String?, by principal: Principal
    ) async throws -> JobSeeker {
        let note = try Self.text(note, field: "note", required: false, chinese: "回访情况")
        return try await record(
            .followUp(
                JobSeekerFollowUp(
                    method: method, stillSeeking: stillSeeking, note: note, by: principal.actorID, at: now())),
            on: id, by: principal)
    }

    /// Puts the person forward for one of the area's postings.
    public func referJobSeeker(_ id: String, to postingID: String, by principal: Principal) async throws -> JobSeeker {
        _ = try await authorizedJobSeeker(id, for: principal)
        guard let posting = try await jobPostings().first(where: { $0.id == postingID }) else {
            throw KioskError.notFound("posting", chinese: "该岗位")
        }
        return try await record(
            .referral(
                JobReferral(
                    postingID: posting.id, title: posting.title, employer: posting.employer, by: principal.actorID,
                    at: now())),
            on: id, by: principal)
    }

    /// Closes a registration: with the employer when the person found work.
    public func closeJobSeeker(
        _ id: String, reason: JobSeekerClosing.Reason, employer: String?, by principal: Principal
    ) async throws -> JobSeeker {
        let employer = try Self.text(
            reason == .employed ? employer : nil, field: "employer", required: reason == .employed,
            chinese: "就业单位")
        return try await record(
            .closing(JobSeekerClosing(reason: reason, employer: employer, by: principal.actorID, at: now())), on: id,
            by: principal)
    }

    /// Recognises the person's employment difficulty by the categories the clerk checked; a 4050
    /// person must be a woman of 40 or more or a man of 50 or more today.
    public func recogniseDifficulty(
        _ id: String, categories: [EmploymentDifficulty.Category], note: String?, by principal: Principal
    ) async throws -> JobSeeker {
        let jobSeeker = try await authorizedJobSeeker(id, for: principal)
        let chosen = EmploymentDifficulty.Category.allCases.filter(categories.contains)
        guard !chosen.isEmpty else {
            throw KioskError.invalid(
                "categories", chinese: "请选择至少一项就业困难类别。", english: "Choose at least one category of difficulty.")
        }
        if chosen.contains(.aged4050), let person = try await store.person(jobSeeker.idNumber) {
            guard person.hasReached(person.sex == .female ? 40 : 50, on: WorkingCalendar.key(of: now())) else {
                throw KioskError.notAged4050
            }
        }
        let note = try Self.text(note, field: "note", required: false, chinese: "认定说明")
        return try await record(
            .difficulty(EmploymentDifficulty(categories: chosen, note: note, by: principal.actorID, at: now())), on: id,
            by: principal)
    }

    /// A visit to a person on the assistance register, with what was found and offered.
    public func recordAssistanceVisit(_ id: String, note: String, by principal: Principal) async throws -> JobSeeker {
        let note = try Self.text(note, field: "note", required: true, chinese: "走访情况")
        return try await record(
            .visit(AssistanceVisit(note: note ?? "", by: principal.actorID, at: now())), on: id, by: principal)
    }

    /// Places a person on the assistance register in a public-welfare post of the area, from
    /// `startsOn` (today or within a year): their job, closing the registration.
    public func placeInPublicWelfarePost(_ id: String, postingID: String, startsOn: String, by principal: Principal)
        async throws -> JobSeeker
    {
        _ = try await authorizedJobSeeker(id, for: principal)
        guard let posting = try await jobPostings().first(where: { $0.id == postingID }) else {
            throw KioskError.notFound("posting", chinese: "该岗位")
        }
        guard posting.kind == .publicWelfare else { throw KioskError.notAPublicWelfarePost }
        let starts = try Self.day(startsOn, field: "startsOn", from: WorkingCalendar.key(of: now()), chinese: "上岗日期")
        return try await record(
            .placement(
                PublicWelfarePlacement(
                    postingID: posting.id, title: posting.title, employer: posting.employer, startsOn: starts,
                    by: principal.actorID, at: now())),
            on: id, by: principal)
    }

    private func record(_ entry: JobSeekerEntry, on id: String, by principal: Principal) async throws -> JobSeeker {
        _ = try await authorizedJobSeeker(id, for: principal)
        return try await store.record(entry, onJobSeeker: id, by: principal, at: now())
    }

    /// The registration `id`, once `principal` may keep the register for its person: the role is
    /// checked before the lookup, the jurisdiction after.
    private func authorizedJobSeeker(_ id: String, for principal: Principal) async throws -> JobSeeker {
        try AccessPolicy.authorize(principal, .keepEmploymentRegister)
        guard let jobSeeker = try await store.jobSeeker(id) else { throw KioskError.notAJobSeeker }
        _ = try await authorizedPerson(jobSeeker.idNumber, for: principal, .keepEmploymentRegister)
        return jobSeeker
    }
}
