import Foundation
import Vocabulary

/// The page on the wire (docs/SYNC.md). Contributions and pension payments, nearly all of a
/// township's rows, travel as runs of consecutive months: the ID number, insurance and month are
/// said once per run and each month is a few integers. A township's first load is then some
/// 200,000 JSON objects instead of 14 million, which is what keeps it within minutes on both ends.
extension ReferenceDataPage: Codable {
    private enum CodingKeys: String, CodingKey {
        case people, enrolments, contributionRuns, pensionPaymentRuns, jobPostings, cardRecords, cursor, asOf
        case staff, calendarYears, serviceRoutes, serviceGuides, notices, applications, retireeChecks, jobSeekers,
            trainingCourses, appointments, disputes, pensionGrades, removals, resumeAfter
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            people: try container.decode([Person].self, forKey: .people),
            enrolments: try container.decode([Enrolment].self, forKey: .enrolments),
            contributions: try container.decode([ContributionRun].self, forKey: .contributionRuns).flatMap {
                try $0.contributions(codingPath: container.codingPath)
            },
            pensionPayments: try container.decode([PensionPaymentRun].self, forKey: .pensionPaymentRuns).flatMap {
                try $0.payments(codingPath: container.codingPath)
            },
            jobPostings: try container.decode([JobPosting].self, forKey: .jobPostings),
            cardRecords: try container.decode([CardRecord].self, forKey: .cardRecords),
            staff: try container.decodeIfPresent([StaffAccount].self, forKey: .staff) ?? [],
            calendarYears: try container.decodeIfPresent([WorkingCalendar.PublishedYear].self, forKey: .calendarYears)
                ?? [],
            serviceRoutes: try container.decodeIfPresent([ServiceRoute].self, forKey: .serviceRoutes) ?? [],
            serviceGuides: try container.decodeIfPresent([ServiceGuide].self, forKey: .serviceGuides) ?? [],
            notices: try container.decodeIfPresent([PolicyNotice].self, forKey: .notices) ?? [],
            applications: try container.decodeIfPresent([VersionedApplication].self, forKey: .applications) ?? [],
            retireeChecks: try container.decodeIfPresent([RetireeCheck].self, forKey: .retireeChecks) ?? [],
            jobSeekers: try container.decodeIfPresent([JobSeeker].self, forKey: .jobSeekers) ?? [],
            trainingCourses: try container.decodeIfPresent([TrainingCourse].self, forKey: .trainingCourses) ?? [],
            appointments: try container.decodeIfPresent([Appointment].self, forKey: .appointments) ?? [],
            disputes: try container.decodeIfPresent([LabourDispute].self, forKey: .disputes) ?? [],
            pensionGrades: try container.decodeIfPresent([PensionGradeTable].self, forKey: .pensionGrades) ?? [],
            removals: try container.decodeIfPresent([ReferenceRemoval].self, forKey: .removals) ?? [],
            cursor: try container.decode(String.self, forKey: .cursor),
            asOf: try container.decode(Date.self, forKey: .asOf),
            resumeAfter: try container.decodeIfPresent(String.self, forKey: .resumeAfter))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(people, forKey: .people)
        try container.encode(enrolments, forKey: .enrolments)
        try container.encode(ContributionRun.runs(of: contributions), forKey: .contributionRuns)
        try container.encode(PensionPaymentRun.runs(of: pensionPayments), forKey: .pensionPaymentRuns)
        try container.encode(jobPostings, forKey: .jobPostings)
        try container.encode(cardRecords, forKey: .cardRecords)
        if !staff.isEmpty { try container.encode(staff, forKey: .staff) }
        if !calendarYears.isEmpty { try container.encode(calendarYears, forKey: .calendarYears) }
        if !serviceRoutes.isEmpty { try container.encode(serviceRoutes, forKey: .serviceRoutes) }
        if !serviceGuides.isEmpty { try container.encode(serviceGuides, forKey: .serviceGuides) }
        if !notices.isEmpty { try container.encode(notices, forKey: .notices) }
        if !applications.isEmpty { try container.encode(applications, forKey: .applications) }
        if !retireeChecks.isEmpty { try container.encode(retireeChecks, forKey: .retireeChecks) }
        if !jobSeekers.isEmpty { try container.encode(jobSeekers, forKey: .jobSeekers) }
        if !trainingCourses.isEmpty { try container.encode(trainingCourses, forKey: .trainingCourses) }
        if !appointments.isEmpty { try container.encode(appointments, forKey: .appointments) }
        if !disputes.isEmpty { try container.encode(disputes, forKey: .disputes) }
        if !pensionGrades.isEmpty { try container.encode(pensionGrades, forKey: .pensionGrades) }
        if !removals.isEmpty { try container.encode(removals, forKey: .removals) }
        try container.encode(cursor, forKey: .cursor)
        try container.encode(asOf, forKey: .asOf)
        try container.encodeIfPresent(resumeAfter, forKey: .resumeAfter)
    }
}

/// One person's contributions to one insurance over consecutive months, in page order.
struct ContributionRun: Codable {
    var idNumber: String
    var insurance: InsuranceType
    /// The first month, as ``YearMonth/index``.
    var first: Int
    /// Four integers a month: base, personal part, employer part (fen), paid (1) or not (0).
    var months: [Int64]

    static let width = 4

    /// Runs that give back `contributions` in the same order: a run grows only by the next month
    /// of the same person and insurance.
    static func runs(of contributions: [Contribution]) -> [ContributionRun] {
        var runs: [ContributionRun] = []
        for contribution in contributions {
            if let last = runs.last, last.idNumber == contribution.idNumber, last.insurance == contribution.insurance,
                last.first + last.months.count / width == contribution.month.index
            {
                runs[runs.count - 1].append(contribution)
            } else {
                var run = ContributionRun(
                    idNumber: contribution.idNumber, insurance: contribution.insurance,
                    first: contribution.month.index, months: [])
                run.append(contribution)
                runs.append(run)
            }
        }
        return runs
    }

    private mutating func append(_ contribution: Contribution) {
        months.append(contribution.baseFen)
        months.append(contribution.personalFen)
        months.append(contribution.employerFen)
        months.append(contribution.paid ? 1 : 0)
    }

    func contributions(codingPath: [any CodingKey]) throws -> [Contribution] {
        guard months.count % Self.width == 0 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "a contribution run's months are not groups of 4"))
        }
        let count = months.count / Self.width
        try checkMonths(from: first, count: count, codingPath: codingPath)
        return (0..<count).map { month in
            let offset = month * Self.width
            return Contribution(
                idNumber: idNumber, insurance: insurance, month: YearMonth(index: first + month),
                baseFen: months[offset], personalFen: months[offset + 1], employerFen: months[offset + 2],
                paid: months[offset + 3] != 0)
        }
    }
}

/// One person's pension payments to one account over consecutive months, in page order.
struct PensionPaymentRun: Codable {
    var idNumber: String
    var accountMasked: String
    /// The first month, as ``YearMonth/index``.
    var first: Int
    /// The amount of each month, in fen.
    var amounts: [Int64]

    static func runs(of payments: [PensionPayment]) -> [PensionPaymentRun] {
        var runs: [PensionPaymentRun] = []
        for payment in payments {
            if let last = runs.last, last.idNumber == payment.idNumber, last.accountMasked == payment.accountMasked,
                last.first + last.amounts.count == payment.month.index
            {
                runs[runs.count - 1].amounts.append(payment.amountFen)
            } else {
                runs.append(
                    PensionPaymentRun(
                        idNumber: payment.idNumber, accountMasked: payment.accountMasked, first: payment.month.index,
                        amounts: [payment.amountFen]))
            }
        }
        return runs
    }

    func payments(codingPath: [any CodingKey]) throws -> [PensionPayment] {
        try checkMonths(from: first, count: amounts.count, codingPath: codingPath)
        return amounts.enumerated().map { offset, amount in
            PensionPayment(
                idNumber: idNumber, month: YearMonth(index: first + offset), amountFen: amount,
                accountMasked: accountMasked)
        }
    }
}

/// Refuses a run whose months leave the range ``YearMonth`` allows.
private func checkMonths(from first: Int, count: Int, codingPath: [any CodingKey]) throws {
    let last = first + max(count, 1) - 1
    guard first >= 0, YearMonth(year: first / 12, month: first % 12 + 1) != nil,
        YearMonth(year: last / 12, month: last % 12 + 1) != nil
    else {
        throw DecodingError.dataCorrupted(
            .init(codingPath: codingPath, debugDescription: "a run's months lie outside 1900-2999"))
    }
}
