import KioskCore

/// A service's guide as the kiosk shows it: the service's name and time limit beside what the
/// county published.
struct ServiceGuideJSON: Encodable {
    var kind: ApplicationKind
    var service: String
    /// Working days; 0 is the same day (当场办结).
    var timeLimitDays: Int
    var materials: [String]
    var steps: [String]
    var fee: String
    var legalBasis: String

    init(_ guide: ServiceGuide) {
        kind = guide.kind
        service = guide.kind.chineseName
        timeLimitDays = guide.kind.timeLimitDays
        materials = guide.materials
        steps = guide.steps
        fee = guide.fee
        legalBasis = guide.legalBasis
    }
}
