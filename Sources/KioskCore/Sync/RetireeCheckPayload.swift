/// The payload of `retiree.check`: one entry on a retiree's check of a year, exactly one of its
/// three fields set, for the centre to replay with the same rules.
public struct RetireeCheckPayload: Codable, Hashable, Sendable {
    public var idNumber: String
    public var year: Int
    public var certification: RetireeCertification?
    public var lifeEvent: RetireeLifeEvent?
    public var suspension: RetireeSuspension?

    public init(idNumber: String, year: Int, entry: RetireeCheckEntry) {
        self.idNumber = idNumber
        self.year = year
        switch entry {
        case .certification(let value): certification = value
        case .lifeEvent(let value): lifeEvent = value
        case .suspension(let value): suspension = value
        }
    }

    /// The entry, or nil when the payload sets none or more than one.
    public var entry: RetireeCheckEntry? {
        switch (certification, lifeEvent, suspension) {
        case (let value?, nil, nil): .certification(value)
        case (nil, let value?, nil): .lifeEvent(value)
        case (nil, nil, let value?): .suspension(value)
        default: nil
        }
    }
}
