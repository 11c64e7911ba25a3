/// The payload of `jobseeker.entry`: one entry on a registration of the employment register,
/// exactly one of its four fields set, for the centre to replay with the same rules. A registration
/// makes the record; the others name it by id.
public struct JobSeekerPayload: Codable, Hashable, Sendable {
    public var id: String
    public var idNumber: String
    public var registration: JobSeekerRegistration?
    public var followUp: JobSeekerFollowUp?
    public var referral: JobReferral?
    public var closing: JobSeekerClosing?

    public init(id: String, idNumber: String, entry: JobSeekerEntry) {
        self.id = id
        self.idNumber = idNumber
        switch entry {
        case .registration(let value): registration = value
        case .followUp(let value): followUp = value
        case .referral(let value): referral = value
        case .closing(let value): closing = value
        }
    }

    /// The entry, or nil when the payload sets none or more than one.
    public var entry: JobSeekerEntry? {
        switch (registration, followUp, referral, closing) {
        case (let value?, nil, nil, nil): .registration(value)
        case (nil, let value?, nil, nil): .followUp(value)
        case (nil, nil, let value?, nil): .referral(value)
        case (nil, nil, nil, let value?): .closing(value)
        default: nil
        }
    }
}
