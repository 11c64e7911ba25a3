import Foundation

/// The area's job postings (岗位信息): the kiosk's job board, public, and the desk's form that posts
/// one for the township or county and takes it down.
extension KioskServices {
    /// What a resident narrows the job board to; nil fields keep everything.
    public struct JobBoardFilter: Hashable, Sendable {
        /// A village's (or township's) code: the jobs there.
        public var regionCode: String?
        public var kind: JobPosting.Kind?
        /// A skill the job asks for, as the posting names it.
        public var skill: String?

        public init(regionCode: String? = nil, kind: JobPosting.Kind? = nil, skill: String? = nil) {
            self.regionCode = regionCode
            self.kind = kind
            self.skill = skill
        }

        func includes(_ posting: JobPosting) -> Bool {
            (regionCode.map { posting.regionCode == $0 } ?? true) && (kind.map { posting.kind == $0 } ?? true)
                && (skill.map { posting.skills.contains($0) } ?? true)
        }
    }

    /// The county's postings shown today that `filter` keeps, newest first. Public: anyone at the
    /// terminal may read them.
    public func jobPostings(_ filter: JobBoardFilter = JobBoardFilter()) async throws -> [JobPosting] {
        guard let terminal = try await store.terminal() else { return [] }
        return try await store.jobPostings(
            inRegion: String(terminal.jurisdiction.regionPrefix.prefix(6)), shownOn: WorkingCalendar.key(of: now()),
            limit: 200
        ).filter(filter.includes)
    }

    /// Posts a job for `regionCode` (the member's jurisdiction when nil), which must lie in both the
    /// member's jurisdiction and the terminal's, shown from today to `until`.
    public func postJobPosting(
        title: String, employer: String, regionCode: String?, place: String, kind: JobPosting.Kind,
        skills: [String], monthlyWageFromFen: Int64, monthlyWageToFen: Int64, until: String, contact: String,
        by principal: Principal
    ) async throws -> JobPosting {
        let region = try await publishingRegion(regionCode, by: principal)
        let today = WorkingCalendar.key(of: now())
        let posting = JobPosting(
            id: "", title: try Self.text(title, field: "title", required: true, chinese: "岗位名称") ?? "",
            employer: try Self.text(employer, field: "employer", required: true, chinese: "用人单位") ?? "",
            regionCode: region, place: try Self.text(place, field: "place", required: false, chinese: "工作地点") ?? "",
            kind: kind, skills: try Self.skills(skills),
            monthlyWageFromFen: monthlyWageFromFen, monthlyWageToFen: monthlyWageToFen, postedOn: today,
            until: try Self.day(until, field: "until", from: today, chinese: "截止日期"),
            contact: try InputValidation.phone(contact),
            postedBy: principal.actorID)
        guard monthlyWageFromFen > 0, monthlyWageFromFen <= monthlyWageToFen, monthlyWageToFen <= 10_000_000 else {
            throw KioskError.invalid(
                "wage", chinese: "月工资范围有误：应大于0，下限不高于上限，且不超过10万元。",
                english: "The monthly wage range is wrong: above 0, the lower end first, at most 100,000 yuan.")
        }
        return try await store.post(jobPosting: posting, by: principal, at: now())
    }

    /// Takes a posting of the member's area down today: shown no more from tomorrow on the kiosks
    /// that have it, and from now on here.
    public func takeDownJobPosting(_ id: String, by principal: Principal) async throws -> JobPosting {
        let member = try publishingMember(principal)
        guard var posting = try await store.jobPosting(id) else {
            throw KioskError.notFound("posting", chinese: "该岗位")
        }
        guard member.jurisdiction.contains(posting.regionCode) else { throw KioskError.outsideJurisdiction }
        posting.until = yesterday()
        try await store.republish(jobPosting: posting, by: principal, at: now())
        return posting
    }

    /// The skills trimmed, each once, at most ``JobPosting/maximumSkills`` of at most
    /// ``JobPosting/maximumSkillLength`` characters.
    private static func skills(_ skills: [String]) throws(KioskError) -> [String] {
        var kept: [String] = []
        for skill in skills.map(\.trimmingSpaces) where !skill.isEmpty && !kept.contains(skill) {
            kept.append(skill)
        }
        guard kept.count <= JobPosting.maximumSkills, kept.allSatisfy({ $0.count <= JobPosting.maximumSkillLength })
        else {
            throw .invalid(
                "skills",
                chinese: "技能要求最多\(JobPosting.maximumSkills)项，每项不超过\(JobPosting.maximumSkillLength)字。",
                english:
                    "Name at most \(JobPosting.maximumSkills) skills of at most \(JobPosting.maximumSkillLength) characters."
            )
        }
        return kept
    }
}
