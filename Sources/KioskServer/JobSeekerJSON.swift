import Foundation
import KioskCore

/// A registration of the employment register as the desk shows it: what was recorded, where the
/// promise's clock stands now and whether the month's follow-up is still to do, said in words.
struct JobSeekerJSON: Encodable, PersonRecord {
    var id: String
    var idNumber: String
    var name: String?
    var regionCode: String?
    var open: Bool
    var registration: JobSeekerRegistration
    var categoryName: String
    var reasonName: String
    var followUps: [JobSeekerFollowUp]
    var referrals: [JobReferral]
    var closing: JobSeekerClosing?
    var closingName: String?
    var difficulty: EmploymentDifficulty?
    /// The difficulty's categories in words, for the assistance register.
    var difficultyNames: [String]?
    var visits: [AssistanceVisit]
    var placement: PublicWelfarePlacement?
    var promise: JobPromiseState
    var promiseName: String
    var needsFollowUp: Bool

    init(_ jobSeeker: JobSeeker, at now: Date, name: String? = nil, regionCode: String? = nil) {
        id = jobSeeker.id
        idNumber = jobSeeker.idNumber
        self.name = name
        self.regionCode = regionCode
        open = jobSeeker.isOpen
        registration = jobSeeker.registration
        categoryName = jobSeeker.registration.category.chineseName
        reasonName = jobSeeker.registration.reason.chineseName
        followUps = jobSeeker.followUps
        referrals = jobSeeker.referrals
        closing = jobSeeker.closing
        closingName = jobSeeker.closing?.reason.chineseName
        difficulty = jobSeeker.difficulty
        difficultyNames = jobSeeker.difficulty?.categories.map(\.chineseName)
        visits = jobSeeker.visits
        placement = jobSeeker.placement
        promise = jobSeeker.promiseState(at: now)
        promiseName = promise.chineseName
        needsFollowUp = jobSeeker.needsFollowUp(at: now)
    }

    init(_ line: JobSeekerLine, at now: Date) {
        self.init(line.jobSeeker, at: now, name: line.name, regionCode: line.regionCode)
    }
}
