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
    /// The last day it may be completed on (限时办结): the whole route's working days from the day it
    /// was made, moved later by the time spent waiting for missing papers.
    public var deadline: Date
    /// The levels it goes through (村初审 → 乡镇审核 → 县审批), fixed when it was made: a route the
    /// centre publishes later does not move a case already on its way.
    public var route: [ServiceRoute.Step]
    /// The step it is at: the level that must act now is `route[step]`.
    public var step: Int
    /// The last moment of the current step's own limit, from the day the step began.
    public var stepDue: Date
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
        route: ServiceRoute? = nil,
        filedAt level: ServiceLevel = .township,
        calendar: WorkingCalendar = .published
    ) {
        let route = route ?? .national(kind)
        self.id = id
        self.kind = kind
        self.idNumber = idNumber
        self.status = status
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.deadline = calendar.endOfWorkingDay(route.totalDays, after: submittedAt)
        self.route = route.steps
        self.step = route.startStep(filedAt: level)
        self.stepDue = calendar.endOfWorkingDay(route.steps[step].days, after: submittedAt)
        self.approvedBy = approvedBy
        self.completedAt = completedAt
        self.details = details
        self.terminalID = terminalID
        self.regionCode = regionCode
    }

    /// The level that must act now.
    public var level: ServiceLevel { route.indices.contains(step) ? route[step].level : .township }

    /// The level whose step decides it.
    public var decidingLevel: ServiceLevel { route.last?.level ?? .township }

    /// Whether it is at the step that decides it, where it may be approved.
    public var isAtDecidingStep: Bool { step >= route.count - 1 }

    /// Whether it is open past its deadline at `now`; never while the clock stands still.
    public func isOverdue(at now: Date) -> Bool { status.isOpen && clockStoppedAt == nil && now > deadline }

    /// Whether the current step is open past its own limit at `now`: the level acting is late,
    /// which the supervisor above it is told of (escalation).
    public func isStepOverdue(at now: Date) -> Bool { status.isOpen && clockStoppedAt == nil && now > stepDue }

    /// Whether a limit falls before the end of the next working day after `now` and has not passed:
    /// the reminder before a case runs late.
    public func isDueSoon(at now: Date, calendar: WorkingCalendar = .published) -> Bool {
        guard status.isOpen, clockStoppedAt == nil, !isOverdue(at: now), !isStepOverdue(at: now) else { return false }
        return min(deadline, stepDue) <= calendar.endOfWorkingDay(1, after: now)
    }

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
            guard isAtDecidingStep else { throw .notDecidingStep(decidingLevel) }
            guard actor != submittedBy else { throw .sameClerk }
            approvedBy = actor
        }
        if next == .awaitingMaterials { clockStoppedAt = now }
        if status == .awaitingMaterials, let stopped = clockStoppedAt {
            deadline = Self.limit(deadline, stoppedAt: stopped, resumedAt: now, calendar: calendar)
            stepDue = Self.limit(stepDue, stoppedAt: stopped, resumedAt: now, calendar: calendar)
            clockStoppedAt = nil
        }
        if next == .completed { completedAt = now }
        status = next
    }

    /// Sends it to the next level of its route (上报): the step's own limit starts again from
    /// `now`, and no one there owns it until a clerk takes it.
    public mutating func reportUp(at now: Date, calendar: WorkingCalendar = .published) throws(KioskError) {
        guard status == .submitted else {
            throw .illegalTransition(
                from: status.rawValue, to: "reported-up",
                chinese: "申请当前为“\(status.chineseName)”，不能上报。")
        }
        guard !isAtDecidingStep else { throw .lastStep }
        step += 1
        owner = nil
        stepDue = calendar.endOfWorkingDay(route[step].days, after: now)
    }

    /// A limit after a stopped clock runs again at `now`: the working days that were left when it
    /// stopped count from `now`. A case already late when its clock stopped stays as late as it was.
    private static func limit(_ due: Date, stoppedAt stopped: Date, resumedAt now: Date, calendar: WorkingCalendar)
        -> Date
    {
        stopped < due
            ? calendar.endOfWorkingDay(calendar.workingDays(after: stopped, through: due), after: now)
            : due + max(0, now.timeIntervalSince(stopped))
    }
}

extension Application {
    /// Decodes an application as any version wrote it. One made before routes (an outbox entry
    /// waiting since, an older terminal's push) is on the national route at its deciding step, with
    /// that step due when the whole case is: as it was handled then.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(ApplicationKind.self, forKey: .kind)
        idNumber = try container.decode(String.self, forKey: .idNumber)
        status = try container.decode(ApplicationStatus.self, forKey: .status)
        submittedBy = try container.decode(String.self, forKey: .submittedBy)
        submittedAt = try container.decode(Date.self, forKey: .submittedAt)
        deadline = try container.decode(Date.self, forKey: .deadline)
        (route, step, stepDue) = ([], 0, deadline)
        owner = try container.decodeIfPresent(String.self, forKey: .owner)
        clockStoppedAt = try container.decodeIfPresent(Date.self, forKey: .clockStoppedAt)
        rejection = try container.decodeIfPresent(Rejection.self, forKey: .rejection)
        approvedBy = try container.decodeIfPresent(String.self, forKey: .approvedBy)
        completedAt = try container.decodeIfPresent(Date.self, forKey: .completedAt)
        details = try container.decode([String: String].self, forKey: .details)
        terminalID = try container.decode(String.self, forKey: .terminalID)
        regionCode = try container.decode(String.self, forKey: .regionCode)
        guard
            restoreRoute(
                try container.decodeIfPresent([ServiceRoute.Step].self, forKey: .route),
                step: try container.decodeIfPresent(Int.self, forKey: .step),
                stepDue: try container.decodeIfPresent(Date.self, forKey: .stepDue))
        else {
            throw DecodingError.dataCorruptedError(forKey: .step, in: container, debugDescription: "no such step")
        }
    }

    /// Puts the application on its route as it was kept: the route and step written (its last step
    /// when only the route is), or, for one written before routes, the national route at its
    /// deciding step; the step due as written, else when the whole case is. False, and nothing
    /// changed, when the route written has no such step.
    public mutating func restoreRoute(_ steps: [ServiceRoute.Step]?, step: Int?, stepDue: Date?) -> Bool {
        let steps = steps ?? ServiceRoute.national(kind).steps
        let step = step ?? steps.count - 1
        guard steps.indices.contains(step) else { return false }
        route = steps
        self.step = step
        self.stepDue = stepDue ?? deadline
        return true
    }
}
