import Foundation
import KioskCore
import Testing

@Suite("The employment register: the ten-working-day promise, monthly follow-ups, closing")
struct JobSeekerTests {
    /// 10:00 China time on the day.
    static func day(_ text: String) throws -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return try #require(
            WorkingCalendar.china.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 10)))
    }

    static func registration(
        at date: Date, category: JobSeekerRegistration.Category = .registeredUnemployed, wantsJob: Bool = true,
        zeroEmploymentFamily: Bool = false, calendar: WorkingCalendar = .published
    ) -> JobSeekerRegistration {
        var registration = JobSeekerRegistration(
            category: category, reason: .contractEnded, lastEmployer: "演示机械制造有限公司", wantsJob: wantsJob,
            zeroEmploymentFamily: zeroEmploymentFamily, by: "clerk1", at: date, promiseDue: nil)
        if JobSeeker.isOwedAJob(registration) {
            registration.promiseDue = calendar.endOfWorkingDay(JobSeekerRegistration.promisedWorkingDays, after: date)
        }
        return registration
    }

    static func key(_ date: Date) -> String {
        let parts = WorkingCalendar.china.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    @Test("the clock counts ten working days across the National Day holiday and its make-up Saturday")
    func clockAcrossAHoliday() throws {
        let registered = try Self.day("2026-09-29")
        let due = try #require(Self.registration(at: registered).promiseDue)
        // 9-30, then 10-8, 10-9, the Saturday 10-10 worked, 10-12 to 10-16, and 10-19.
        #expect(Self.key(due) == "2026-10-19 23:59")
        let weekdaysOnly = try #require(
            Self.registration(at: registered, calendar: WorkingCalendar(years: [])).promiseDue)
        #expect(Self.key(weekdaysOnly) == "2026-10-13 23:59", "without the holiday it would end six days sooner")

        let jobSeeker = JobSeeker(
            id: "T1-J1", idNumber: "430102198507141238", registration: Self.registration(at: registered))
        #expect(jobSeeker.promiseState(at: try Self.day("2026-10-19")) == .running)
        #expect(jobSeeker.promiseState(at: try Self.day("2026-10-20")) == .late)
    }

    @Test("a job in time keeps the promise, a late one is kept late, another closing releases it")
    func promiseOutcomes() throws {
        let registered = try Self.day("2026-11-02")
        let open = JobSeeker(
            id: "T1-J1", idNumber: "430102198507141238", registration: Self.registration(at: registered))
        func closed(_ reason: JobSeekerClosing.Reason, on day: String) throws -> JobSeeker {
            var jobSeeker = open
            try jobSeeker.record(
                .closing(
                    JobSeekerClosing(
                        reason: reason, employer: reason == .employed ? "演示物流公司" : nil, by: "clerk1",
                        at: try Self.day(day))))
            return jobSeeker
        }
        let later = try Self.day("2026-12-31")
        #expect(try closed(.employed, on: "2026-11-10").promiseState(at: later) == .kept)
        #expect(try closed(.employed, on: "2026-11-30").promiseState(at: later) == .keptLate)
        #expect(try closed(.movedAway, on: "2026-11-30").promiseState(at: later) == .released)
        #expect(open.promiseState(at: later) == .late)
    }

    @Test("the promise is owed to the registered unemployed and zero-employment families who want a job")
    func whoIsOwed() throws {
        let at = try Self.day("2026-11-02")
        #expect(Self.registration(at: at).promiseDue != nil)
        #expect(Self.registration(at: at, wantsJob: false).promiseDue == nil)
        #expect(Self.registration(at: at, category: .jobSeeker).promiseDue == nil)
        #expect(Self.registration(at: at, category: .jobSeeker, zeroEmploymentFamily: true).promiseDue != nil)
        let notOwed = JobSeeker(
            id: "T1-J1", idNumber: "430102198507141238", registration: Self.registration(at: at, wantsJob: false))
        #expect(notOwed.promiseState(at: at.addingTimeInterval(90 * 86400)) == .notOwed)
    }

    @Test("one follow-up a month, from the month after registration; nothing on a closed registration")
    func followUps() throws {
        var jobSeeker = JobSeeker(
            id: "T1-J1", idNumber: "430102198507141238", registration: Self.registration(at: try Self.day("2026-10-20"))
        )
        #expect(!jobSeeker.needsFollowUp(at: try Self.day("2026-10-30")), "not in the month of registration")
        let november = try Self.day("2026-11-05")
        #expect(jobSeeker.needsFollowUp(at: november))
        let call = JobSeekerEntry.followUp(
            JobSeekerFollowUp(method: .phone, stillSeeking: true, note: "仍在找工作", by: "clerk1", at: november))
        try jobSeeker.record(call)
        #expect(!jobSeeker.needsFollowUp(at: try Self.day("2026-11-28")))
        let twice = #expect(throws: KioskError.self) { try jobSeeker.record(call) }
        #expect(twice?.code == "already-followed-up" && twice?.httpStatus == 409)
        #expect(jobSeeker.needsFollowUp(at: try Self.day("2026-12-01")))
        #expect(throws: KioskError.alreadyRegistered) {
            try jobSeeker.record(.registration(jobSeeker.registration))
        }
        try jobSeeker.record(
            .closing(JobSeekerClosing(reason: .noLongerSeeking, employer: nil, by: "clerk1", at: november)))
        #expect(!jobSeeker.needsFollowUp(at: try Self.day("2026-12-01")))
        #expect(throws: KioskError.jobSeekerClosed) {
            try jobSeeker.record(
                .referral(JobReferral(postingID: "P1", title: "仓管", employer: "演示物流", by: "clerk1", at: november)))
        }
    }

    @Test("a payload carries exactly one entry")
    func payload() throws {
        let entry = JobSeekerEntry.registration(Self.registration(at: try Self.day("2026-11-02")))
        var payload = JobSeekerPayload(id: "T1-J1", idNumber: "430102198507141238", entry: entry)
        let decoded = try SyncJSON.decoder().decode(JobSeekerPayload.self, from: try SyncJSON.encoder().encode(payload))
        #expect(decoded.entry == entry)
        payload.closing = JobSeekerClosing(reason: .retired, employer: nil, by: "clerk1", at: Date())
        #expect(payload.entry == nil)
    }

    @Test("visits and a public-welfare placement only once the difficulty is recognised; the placement is the job")
    func assistance() throws {
        let at = try Self.day("2026-11-02")
        var jobSeeker = JobSeeker(id: "T1-J1", idNumber: "430102198507141238", registration: Self.registration(at: at))
        let visit = JobSeekerEntry.visit(AssistanceVisit(note: "在家照顾老人，希望就近工作", by: "clerk1", at: at))
        let placement = JobSeekerEntry.placement(
            PublicWelfarePlacement(
                postingID: "P9", title: "保洁员", employer: "镇人民政府", startsOn: "2026-11-05", by: "clerk1", at: at))
        #expect(throws: KioskError.notInDifficulty) { try jobSeeker.record(visit) }
        #expect(throws: KioskError.notInDifficulty) { try jobSeeker.record(placement) }
        let recognised = JobSeekerEntry.difficulty(
            EmploymentDifficulty(categories: [.disabled], note: nil, by: "clerk1", at: at))
        try jobSeeker.record(recognised)
        #expect(throws: KioskError.difficultyRecognised) { try jobSeeker.record(recognised) }
        try jobSeeker.record(visit)
        try jobSeeker.record(visit)
        #expect(jobSeeker.visits.count == 2, "as many visits as the case needs")
        try jobSeeker.record(placement)
        #expect(!jobSeeker.isOpen && jobSeeker.closing?.reason == .employed && jobSeeker.closing?.employer == "镇人民政府")
        #expect(jobSeeker.promiseState(at: at) == .kept)
        #expect(throws: KioskError.jobSeekerClosed) { try jobSeeker.record(visit) }
    }
}
