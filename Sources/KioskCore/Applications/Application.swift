import Foundation

/// An application for a service: who for, what, where it stands, who touched it and by when it
/// must be done.
public struct Application: Codable, Hashable, Sendable {
    /// Made on the terminal (terminal id + sequence), never an autoincrement shared with the centre.
    public var id: String
    public var kind: ApplicationKind
    public var idNumber: String
    public var status: ApplicationStatus
    /// Who took it: a staff id, or "card" for a resident at a kiosk.
    public var submittedBy: String
    public var submittedAt: Date
    /// The last day it may be completed on (限时办结); moved later by the time spent waiting for
    /// missing papers.
    public var deadline: Date
    /// The clerk who took the case first and answers for it until they hand it over (首问负责).
    public var owner: String?
    /// When the resident was asked for missing papers: the clock stands still from then until they arrive.
    public var clockStoppedAt: Date?
    /// Why it was refused, once it was.
    public var rejection: Rejection?
    public var approvedBy: String?
    public var completedAt: Date?
    /// Free fields of the form (a phone number, a training course), already validated.
    public var details: [String: String]
    public var terminalID: String
    public var regionCode: String

    public init(
        id: String,
        kind: ApplicationKind,
        idNumber: String,
        status: ApplicationStatus = .submitted,
        submittedBy: String,
        submittedAt: Date,
        approvedBy: String? = nil,
        completedAt: Date? = nil,
        details: [String: String] = [:],
        terminalID: String,
        regionCode: String,
        calendar: WorkingCalendar = .published
    ) {
        self.id = id
        self.kind = kind
        self.idNumber = idNumber
        self.status = status
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.deadline = Self.deadline(for: kind, from: submittedAt, calendar: calendar)
        self.approvedBy = approvedBy
        self.completedAt = completedAt
        self.details = details
        self.terminalID = terminalID
        self.regionCode = regionCode
    }

    /// The end of the day `kind.timeLimitDays` working days after `date`, on `calendar`: weekends
    /// and public holidays do not count, the weekend days worked in their place do.
    public static func deadline(
        for kind: ApplicationKind, from date: Date, calendar: WorkingCalendar = .published
    ) -> Date {
        calendar.endOfWorkingDay(kind.timeLimitDays, after: date)
    }

    /// Whether it is open past its deadline at `now`; never while the clock stands still.
    public func isOverdue(at now: Date) -> Bool { status.isOpen && clockStoppedAt == nil && now > deadline }

    /// How applications record a resident acting at a kiosk.
    public static let resident = "card"

    /// Moves to `next` on behalf of `actor`, or says why not.
    ///
    /// The clerk who took an application cannot approve it (分权操作), and a resident (actor "card")
    /// neither approves nor completes one. Asking for missing papers stops the clock; when they
    /// arrive, the working days that were left run again from that day, on `calendar`.
    public mutating func move(
        to next: ApplicationStatus, by actor: String, at now: Date, calendar: WorkingCalendar = .published
    ) throws(KioskError) {
        guard status.canMove(to: next) else {
            throw .illegalTransition(
                from: status.rawValue,
                to: next.rawValue,
                chinese: "申请当前为“\(status.chineseName)”，不能改为“\(next.chineseName)”。"
            )
        }
        if actor == Self.resident, next == .approved || next == .completed { throw .residentDecides }
        if next == .approved {
            guard actor != submittedBy else { throw .sameClerk }
            approvedBy = actor
        }
        if next == .awaitingMaterials { clockStoppedAt = now }
        if status == .awaitingMaterials, let stopped = clockStoppedAt {
            // A case already late when its clock stopped stays as late as it was.
            deadline =
                stopped < deadline
                ? calendar.endOfWorkingDay(calendar.workingDays(after: stopped, through: deadline), after: now)
                : deadline + max(0, now.timeIntervalSince(stopped))
            clockStoppedAt = nil
        }
        if next == .completed { completedAt = now }
        status = next
    }
}
