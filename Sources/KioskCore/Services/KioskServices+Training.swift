import Foundation

/// Vocational training courses (职业技能培训): posted at the desk for the area, on the kiosk's board
/// with the seats left, signed up for by the `training-sign-up` application that names one.
extension KioskServices {
    /// The county's courses not yet ended, soonest first, with the seats this terminal knows taken.
    /// Public: anyone at the terminal may read them.
    public func trainingCourses() async throws -> [TrainingCourseLine] {
        guard let terminal = try await store.terminal() else { return [] }
        return try await store.trainingCourses(
            inRegion: String(terminal.jurisdiction.regionPrefix.prefix(6)), shownOn: WorkingCalendar.key(of: now()))
    }

    /// Posts a course for `regionCode` (the member's jurisdiction when nil): it starts today or
    /// later and within a year, ends on or after it starts, and takes sign-ups from today to a day
    /// no later than its end.
    public func postTrainingCourse(
        title: String, provider: String, regionCode: String?, place: String, startsOn: String, endsOn: String,
        signUpUntil: String, seats: Int, by principal: Principal
    ) async throws -> TrainingCourse {
        let region = try await publishingRegion(regionCode, by: principal)
        let today = WorkingCalendar.key(of: now())
        let starts = try Self.day(startsOn, field: "startsOn", from: today, chinese: "开班日期")
        let ends = try Self.day(endsOn, field: "endsOn", from: starts, chinese: "结业日期")
        let signUp = try Self.day(signUpUntil, field: "signUpUntil", from: today, chinese: "报名截止日期")
        guard signUp <= ends else {
            throw KioskError.invalid(
                "signUpUntil", chinese: "报名截止日期不能晚于结业日期。", english: "Sign-up cannot end after the course does.")
        }
        guard (1...500).contains(seats) else {
            throw KioskError.invalid("seats", chinese: "名额应为1至500人。", english: "Seats are 1 to 500.")
        }
        let course = TrainingCourse(
            id: "", title: try Self.text(title, field: "title", required: true, chinese: "课程名称") ?? "",
            provider: try Self.text(provider, field: "provider", required: true, chinese: "培训机构") ?? "",
            regionCode: region, place: try Self.text(place, field: "place", required: false, chinese: "培训地点") ?? "",
            startsOn: starts, endsOn: ends, signUpUntil: signUp, seats: seats, postedBy: principal.actorID)
        return try await store.post(trainingCourse: course, by: principal, at: now())
    }

    /// Closes a course's sign-up today (the last day becomes yesterday); it stays on the board until
    /// it ends, and those signed up keep their seats.
    public func closeTrainingSignUp(_ id: String, by principal: Principal) async throws -> TrainingCourse {
        let member = try publishingMember(principal)
        guard var course = try await store.trainingCourse(id)?.course else {
            throw KioskError.notFound("course", chinese: "该培训课程")
        }
        guard member.jurisdiction.contains(course.regionCode) else { throw KioskError.outsideJurisdiction }
        course.signUpUntil = min(course.signUpUntil, yesterday())
        try await store.republish(trainingCourse: course, by: principal, at: now())
        return course
    }

    /// A sign-up that names a course is for one this terminal knows, taking sign-ups today, with a
    /// seat left; one that names none registers the wish for training.
    func checkTrainingSignUp(_ draft: ApplicationDraft) async throws {
        guard draft.kind == .trainingSignUp, let id = draft.details[TrainingCourse.detailKey] else { return }
        guard let line = try await store.trainingCourse(id) else {
            throw KioskError.notFound("course", chinese: "该培训课程")
        }
        guard line.course.takesSignUps(on: WorkingCalendar.key(of: now())) else { throw KioskError.courseClosed }
        guard line.seatsLeft > 0 else { throw KioskError.courseFull }
    }
}
