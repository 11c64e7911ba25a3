/// The payload of `jobseeker.entry`: one entry on a registration of the employment register,
/// exactly one of its entry fields set, for the centre to replay with the same rules. A registration
/// makes the record; the others name it by id.
public struct JobSeekerPayload: Codable, Hashable, Sendable {
    public var id: String
    public var idNumber: String
    public var registration: JobSeekerRegistration?
    public var followUp: JobSeekerFollowUp?
    public var referral: JobReferral?
    public var closing: JobSeekerClosing?
    public var difficulty: EmploymentDifficulty?
    public var visit: AssistanceVisit?
    public var placement: PublicWelfarePlacement?

    public init(id: String, idNumber: String, entry: JobSeekerEntry) {
        self.id = id
        self.idNumber = idNumber
        switch entry {
        case .registration(let value): registration = value
        case .followUp(let value): followUp = value
        case .referral(let value): referral = value
        case .closing(let value): closing = value
        case .difficulty(let value): difficulty = value
        case .visit(let value): visit = value
        case .placement(let value): placement = value
        }
    }

    /// The entry, or nil when the payload sets none or more than one.
    public var entry: JobSeekerEntry? {
        let entries: [JobSeekerEntry] = [
            registration.map(JobSeekerEntry.registration), followUp.map(JobSeekerEntry.followUp),
            referral.map(JobSeekerEntry.referral), closing.map(JobSeekerEntry.closing),
            difficulty.map(JobSeekerEntry.difficulty), visit.map(JobSeekerEntry.visit),
            placement.map(JobSeekerEntry.placement),
        ].compactMap { $0 }
        return entries.count == 1 ? entries[0] : nil
    }
}
