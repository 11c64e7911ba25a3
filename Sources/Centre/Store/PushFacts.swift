import KioskCore

/// What the centre holds that a whole push's commands are judged against: read before the first
/// command in a few set-based statements (``lookups(for:_:)``, one per kind of fact, each for all
/// the push's keys at once) instead of several statements a command, and kept up to date with each
/// write the push makes (``record(_:)``), so that a command sees the effects of the earlier ones of
/// its push exactly as it would by reading the database.
struct PushFacts {
    /// A person and service, whose open applications a submission is checked against.
    private struct Service: Hashable {
        let idNumber: String
        let kind: String
    }

    private var applications: [String: StoredApplication] = [:]
    private var openApplications: [Service: Set<String>] = [:]
    private var regions: [String: String] = [:]
    private var cards: [String: StoredCard] = [:]
    private var certificates: [String: SignedCertificate] = [:]
    private var staff: [String: CentreStaffAccount] = [:]
    private var retireeChecks: [RetireeCheckKey: RetireeCheck] = [:]
    private var ratings: Set<String> = []
    private var jobSeekers: [String: JobSeeker] = [:]
    private var jobPostings: [String: JobPosting] = [:]
    private var trainingCourses: [String: TrainingCourse] = [:]
    private var appointments: [String: Appointment] = [:]
    private var disputes: [String: LabourDispute] = [:]
    private var calendar = WorkingCalendar.published
    private var routes = ServiceRoutes.national

    /// One statement that gathers one kind of fact for the whole push, with how each row of its
    /// answer is kept.
    struct Lookup {
        let statement: CentreSQL.Statement
        let keep: (_ row: any SQLRowReader, _ facts: inout PushFacts) throws -> Void
    }

    /// The statements that gather what `commands` are judged against, in the order a store runs
    /// them; none for a kind of fact no command names.
    static func lookups(for commands: [CentreCommand], _ sql: CentreSQL) -> [Lookup] {
        var lookups: [Lookup] = []
        let applicationIDs = Self.keys(commands.compactMap(\.applicationID))
        if !applicationIDs.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(StoredApplication.self, keys: applicationIDs)) { row, facts in
                    let stored = try StoredApplication(row: TableRow(reading: row))
                    facts.applications[stored.application.id] = stored
                })
        }
        let applicants = Self.keys(commands.compactMap { $0.openApplicationQuery?.idNumber })
        if !applicants.isEmpty {
            lookups.append(
                Lookup(statement: sql.openApplications(of: applicants)) { row, facts in
                    let application = TableRow<StoredApplication>(reading: row)
                    let service = Service(idNumber: try application.text(.idNumber), kind: try application.text(.kind))
                    facts.openApplications[service, default: []].insert(try application.text(.id))
                })
        }
        let holders = Self.keys(commands.compactMap(\.holder))
        if !holders.isEmpty {
            lookups.append(
                Lookup(statement: sql.personRegions(holders)) { row, facts in
                    let person = TableRow<Person>(reading: row)
                    facts.regions[try person.text(.idNumber)] = try person.text(.regionCode)
                })
        }
        let cardNumbers = Self.keys(commands.compactMap(\.cardNumber))
        if !cardNumbers.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(StoredCard.self, keys: cardNumbers)) { row, facts in
                    let stored = try StoredCard(row: TableRow(reading: row))
                    facts.cards[stored.card.cardNumber] = stored
                })
        }
        let serials = Self.keys(commands.compactMap(\.certificateSerial))
        if !serials.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(SignedCertificate.self, keys: serials)) { row, facts in
                    let certificate = try SignedCertificate(row: TableRow(reading: row))
                    facts.certificates[certificate.serial] = certificate
                })
        }
        let retirees = Self.keys(commands.compactMap(\.retireeCheck?.idNumber))
        if !retirees.isEmpty {
            lookups.append(
                Lookup(statement: sql.rows(RetireeCheck.self, of: retirees)) { row, facts in
                    let check = try RetireeCheck(row: TableRow(reading: row))
                    facts.retireeChecks[RetireeCheckKey(idNumber: check.idNumber, year: check.year)] = check
                })
        }
        let jobSeekers = commands.compactMap(\.jobSeeker)
        if !jobSeekers.isEmpty {
            func keep(_ row: any SQLRowReader, _ facts: inout PushFacts) throws {
                let jobSeeker = try JobSeeker(row: TableRow(reading: row))
                facts.jobSeekers[jobSeeker.id] = jobSeeker
            }
            lookups.append(
                Lookup(statement: sql.rows(JobSeeker.self, of: Self.keys(jobSeekers.map(\.idNumber))), keep: keep))
            lookups.append(
                Lookup(statement: sql.select(JobSeeker.self, keys: Self.keys(jobSeekers.map(\.id))), keep: keep))
        }
        let postingIDs = Self.keys(commands.compactMap(\.jobPostingID))
        if !postingIDs.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(JobPosting.self, keys: postingIDs)) { row, facts in
                    let posting = try JobPosting(row: TableRow(reading: row))
                    facts.jobPostings[posting.id] = posting
                })
        }
        let courseIDs = Self.keys(commands.compactMap(\.trainingCourseID))
        if !courseIDs.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(TrainingCourse.self, keys: courseIDs)) { row, facts in
                    let course = try TrainingCourse(row: TableRow(reading: row))
                    facts.trainingCourses[course.id] = course
                })
        }
        let appointmentIDs = Self.keys(commands.compactMap(\.appointmentID))
        let slotDays = Set(commands.compactMap(\.bookedSlot).map { [$0.regionCode, $0.day] })
        if !appointmentIDs.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(Appointment.self, keys: appointmentIDs)) { row, facts in
                    let appointment = try Appointment(row: TableRow(reading: row))
                    facts.appointments[appointment.id] = appointment
                })
        }
        for regionAndDay in slotDays.sorted(by: { $0.joined() < $1.joined() }) {
            lookups.append(
                Lookup(statement: sql.openAppointments(in: regionAndDay[0], on: regionAndDay[1])) { row, facts in
                    let appointment = try Appointment(row: TableRow(reading: row))
                    facts.appointments[appointment.id] = appointment
                })
        }
        let disputeIDs = Self.keys(commands.compactMap(\.disputeID))
        if !disputeIDs.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(LabourDispute.self, keys: disputeIDs)) { row, facts in
                    let dispute = try LabourDispute(row: TableRow(reading: row))
                    facts.disputes[dispute.id] = dispute
                })
        }
        let ratingIDs = Self.keys(commands.compactMap(\.ratingID))
        if !ratingIDs.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(SatisfactionRating.self, keys: ratingIDs)) { row, facts in
                    facts.ratings.insert(try SatisfactionRating(row: TableRow(reading: row)).id)
                })
        }
        if commands.contains(where: \.movesAnApplication) {
            lookups.append(
                Lookup(statement: sql.calendarYears) { row, facts in
                    let year = try WorkingCalendar.PublishedYear(row: TableRow(reading: row))
                    facts.calendar = facts.calendar.replacing(with: [year])
                })
        }
        if commands.contains(where: { $0.openApplicationQuery != nil }) {
            lookups.append(
                Lookup(statement: sql.serviceRoutes) { row, facts in
                    facts.routes = facts.routes.replacing(with: [try ServiceRoute(row: TableRow(reading: row))])
                })
        }
        let staffIDs = Self.keys(commands.compactMap(\.staffID))
        if !staffIDs.isEmpty {
            lookups.append(
                Lookup(statement: sql.select(CentreStaffAccount.self, keys: staffIDs)) { row, facts in
                    let account = try CentreStaffAccount(row: TableRow(reading: row))
                    facts.staff[account.member.id] = account
                })
        }
        return lookups
    }

    /// What `command` is judged against, as the push's writes so far have left it.
    func facts(for command: CentreCommand) -> CommandFacts {
        var facts = CommandFacts()
        facts.application = command.applicationID.flatMap { applications[$0] }
        if let query = command.openApplicationQuery {
            let open = openApplications[Service(idNumber: query.idNumber, kind: query.kind.rawValue)] ?? []
            facts.openDuplicate = !open.subtracting([query.excluding]).isEmpty
        }
        facts.holderRegion = command.holder.flatMap { regions[$0] }
        facts.card = command.cardNumber.flatMap { cards[$0] }
        facts.certificate = command.certificateSerial.flatMap { certificates[$0] }
        facts.staff = command.staffID.flatMap { staff[$0] }
        facts.retireeCheck = command.retireeCheck.flatMap { retireeChecks[$0] }
        if let (id, idNumber) = command.jobSeeker {
            facts.jobSeeker = jobSeekers[id]
            facts.personsJobSeekers = jobSeekers.values.filter { $0.idNumber == idNumber }
        }
        facts.jobPosting = command.jobPostingID.flatMap { jobPostings[$0] }
        facts.trainingCourse = command.trainingCourseID.flatMap { trainingCourses[$0] }
        facts.appointment = command.appointmentID.flatMap { appointments[$0] }
        facts.dispute = command.disputeID.flatMap { disputes[$0] }
        if let key = command.bookedSlot {
            facts.slotBookings =
                appointments.values.filter {
                    $0.isOpen && $0.regionCode == key.regionCode && $0.day == key.day && $0.slot == key.slot
                }.count
        }
        facts.ratingTaken = command.ratingID.map(ratings.contains) ?? false
        facts.calendar = calendar
        facts.routes = routes
        return facts
    }

    /// Takes in a write the push made, as ``CentreSQL/write(_:sequence:)`` makes it.
    mutating func record(_ effect: CommandEffect) {
        switch effect {
        case .insertApplication(let application):
            keep(StoredApplication(application: application, version: effect.version))
        case .updateApplication(let application, let version):
            keep(StoredApplication(application: application, version: version))
        case .insertCard(let card, let region), .updateCard(let card, let region):
            cards[card.cardNumber] = StoredCard(card: card, regionCode: region)
        case .insertCertificate(let certificate):
            certificates[certificate.serial] = certificate
        case .updateStaff(let account):
            staff[account.member.id] = account
        case .keepCardPhoto:
            // No later command of a push is judged on a photo.
            break
        case .updateRetireeCheck(let check):
            retireeChecks[RetireeCheckKey(idNumber: check.idNumber, year: check.year)] = check
        case .insertRating(let rating):
            ratings.insert(rating.id)
        case .keepJobSeeker(let jobSeeker):
            jobSeekers[jobSeeker.id] = jobSeeker
        case .keepJobPosting(let posting):
            jobPostings[posting.id] = posting
        case .keepTrainingCourse(let course):
            trainingCourses[course.id] = course
        case .keepAppointment(let appointment):
            appointments[appointment.id] = appointment
        case .keepDispute(let dispute):
            disputes[dispute.id] = dispute
        }
    }

    private mutating func keep(_ stored: StoredApplication) {
        let application = stored.application
        applications[application.id] = stored
        let service = Service(idNumber: application.idNumber, kind: application.kind.rawValue)
        if application.status.isOpen {
            openApplications[service, default: []].insert(application.id)
        } else {
            openApplications[service]?.remove(application.id)
        }
    }

    /// Each key once, for a statement's `IN` list.
    private static func keys(_ keys: [String]) -> [String] { Array(Set(keys)) }
}
