import Foundation
import Vocabulary

/// A person on the employment and unemployment register (就业失业登记) of a township: registered,
/// followed up each month, put forward for postings, and closed when they find work or leave. The
/// office promises those who want a job and are registered unemployed, or of a family with no one
/// employed, a suitable job within ten working days (五个100%), and the record keeps that clock.
public struct JobSeeker: Codable, Hashable, Sendable {
    /// The terminal's id and a number of its own: unique across terminals.
    public var id: String
    public var idNumber: String
    public var registration: JobSeekerRegistration
    public var followUps: [JobSeekerFollowUp]
    public var referrals: [JobReferral]
    public var closing: JobSeekerClosing?
    /// The recognition of employment difficulty that puts the person on the assistance register.
    public var difficulty: EmploymentDifficulty?
    public var visits: [AssistanceVisit]
    public var placement: PublicWelfarePlacement?

    public init(
        id: String, idNumber: String, registration: JobSeekerRegistration, followUps: [JobSeekerFollowUp] = [],
        referrals: [JobReferral] = [], closing: JobSeekerClosing? = nil, difficulty: EmploymentDifficulty? = nil,
        visits: [AssistanceVisit] = [], placement: PublicWelfarePlacement? = nil
    ) {
        self.id = id
        self.idNumber = idNumber
        self.registration = registration
        self.followUps = followUps
        self.referrals = referrals
        self.closing = closing
        self.difficulty = difficulty
        self.visits = visits
        self.placement = placement
    }

    public var isOpen: Bool { closing == nil }

    /// Whether the office owes this registration a suitable job within ten working days: the
    /// person wants one and is registered unemployed or of a zero-employment family.
    public static func isOwedAJob(_ registration: JobSeekerRegistration) -> Bool {
        registration.wantsJob
            && (registration.category == .registeredUnemployed || registration.zeroEmploymentFamily)
    }

    /// Where the promise stands at `now`: a closing wins over the clock.
    public func promiseState(at now: Date) -> JobPromiseState {
        guard let due = registration.promiseDue else { return .notOwed }
        switch closing {
        case let closing? where closing.reason == .employed: return closing.at <= due ? .kept : .keptLate
        case .some: return .released
        case nil: return now > due ? .late : .running
        }
    }

    /// Whether the month of `now` still wants its follow-up: an open registration from before the
    /// month with none recorded in it.
    public func needsFollowUp(at now: Date) -> Bool {
        let month = YearMonth.inChina(containing: now)
        return isOpen && YearMonth.inChina(containing: registration.at) < month
            && !followUps.contains { $0.month == month }
    }

    /// Records `entry` as the rules allow it: nothing on a closed registration, one follow-up a
    /// month, a registration only as a new record (a person is registered once at a time), a
    /// difficulty recognised once, and visits and a public-welfare placement only for someone
    /// recognised; the placement is their job and closes the registration.
    public mutating func record(_ entry: JobSeekerEntry) throws(KioskError) {
        if case .registration = entry { throw .alreadyRegistered }
        guard isOpen else { throw .jobSeekerClosed }
        switch entry {
        case .registration: break
        case .followUp(let followUp):
            guard !followUps.contains(where: { $0.month == followUp.month }) else {
                throw .alreadyFollowedUp(followUp.month)
            }
            followUps.append(followUp)
        case .referral(let referral):
            referrals.append(referral)
        case .closing(let closing):
            self.closing = closing
        case .difficulty(let difficulty):
            guard self.difficulty == nil else { throw .difficultyRecognised }
            self.difficulty = difficulty
        case .visit(let visit):
            guard difficulty != nil else { throw .notInDifficulty }
            visits.append(visit)
        case .placement(let placement):
            guard difficulty != nil else { throw .notInDifficulty }
            self.placement = placement
            closing = JobSeekerClosing(
                reason: .employed, employer: placement.employer, by: placement.by, at: placement.at)
        }
    }
}
