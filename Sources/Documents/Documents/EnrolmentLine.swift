import Vocabulary

/// A person's enrolment in one insurance scheme, as a proof of insurance lists it.
public struct EnrolmentLine: Hashable, Sendable {
    public var insurance: InsuranceType
    public var status: EnrolmentStatus
    /// The first month of enrolment.
    public var since: YearMonth
    /// The last month paid for; nil when nothing was paid yet.
    public var paidUntil: YearMonth?
    /// Months paid in total (累计缴费月数), which pension entitlement counts.
    public var monthsPaid: Int
    /// The employer that enrols the person; nil for residents and the flexibly employed.
    public var employer: String?

    public init(
        insurance: InsuranceType, status: EnrolmentStatus, since: YearMonth, paidUntil: YearMonth?, monthsPaid: Int,
        employer: String? = nil
    ) {
        self.insurance = insurance
        self.status = status
        self.since = since
        self.paidUntil = paidUntil
        self.monthsPaid = monthsPaid
        self.employer = employer
    }
}
