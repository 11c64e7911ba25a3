import Foundation

/// The rural (residents') pension window: enrolment at a grade of the county's table, the claim at
/// 60 after fifteen years paid.
extension KioskServices {
    /// Months of the residents' pension paid before the pension is due: fifteen years.
    public static let monthsToClaim = 180

    /// The county's grade table, or the national floor: public.
    public func pensionGrades() async throws -> PensionGradeTable { try await store.pensionGrades() }

    /// The person's personal account: the resident their own at the kiosk, a clerk's read on the ledger.
    public func pensionAccount(of idNumber: String, for principal: Principal) async throws -> PensionAccount {
        _ = try await authorizedPerson(idNumber, for: principal, .readPerson)
        let account = try await store.pensionAccount(of: idNumber)
        try await logStaffRead(principal, idNumber, detail: "pension-account")
        return account
    }

    /// An enrolment names a grade of the table (`details.grade`, its level), checked when given; a
    /// claim needs the person 60 today, enrolled, with fifteen years paid.
    func checkResidentPension(_ draft: ApplicationDraft) async throws {
        switch draft.kind {
        case .residentPensionEnrolment:
            guard let text = draft.details["grade"] else { return }
            guard let level = Int(text), try await store.pensionGrades().grade(level) != nil else {
                throw KioskError.invalid(
                    "grade", chinese: "缴费档次不在本县档次表中。", english: "No such grade in the county's table: \(text).")
            }
        case .residentPensionClaim:
            guard let person = try await store.person(draft.idNumber) else { return }
            guard person.hasReached(60, on: WorkingCalendar.key(of: now())) else { throw KioskError.tooYoungToClaim }
            let enrolled = try await store.enrolments(of: draft.idNumber).contains {
                $0.insurance == .residentPension && $0.status == .active
            }
            guard enrolled else { throw KioskError.notEnrolledInResidentPension }
            let paid = Set(
                try await store.contributions(of: draft.idNumber, insurance: .residentPension, from: nil, to: nil)
                    .filter(\.paid).map(\.month)
            ).count
            guard paid >= Self.monthsToClaim else { throw KioskError.contributionsShort(paidMonths: paid) }
        default:
            return
        }
    }
}
