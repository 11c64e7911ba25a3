/// A vocational training course (职业技能培训) the county or a township offers: public, no personal
/// data. Staff post it at the desk; it reaches the terminals of its area and of every area below it.
/// Residents sign up for it with the `training-sign-up` application naming it, at the kiosk or the
/// desk, while sign-up is open and seats are left; the clerk completes that application at the end
/// of the course (结业).
public struct TrainingCourse: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    /// Who teaches it: a training school, the county's employment service.
    public var provider: String
    /// Where it is held: a village's, the township's or the county's code.
    public var regionCode: String
    /// Where it is held, in words.
    public var place: String
    /// The first and last day of the course ("YYYY-MM-DD").
    public var startsOn: String
    public var endsOn: String
    /// The last day to sign up.
    public var signUpUntil: String
    public var seats: Int
    /// The staff id of who posted it.
    public var postedBy: String

    public init(
        id: String, title: String, provider: String, regionCode: String, place: String, startsOn: String,
        endsOn: String, signUpUntil: String, seats: Int, postedBy: String
    ) {
        self.id = id
        self.title = title
        self.provider = provider
        self.regionCode = regionCode
        self.place = place
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.signUpUntil = signUpUntil
        self.seats = seats
        self.postedBy = postedBy
    }

    /// Whether residents may sign up on `day`.
    public func takesSignUps(on day: String) -> Bool { day <= signUpUntil && day <= endsOn }

    /// Whether the kiosk shows it on `day`: until it ends.
    public func isShown(on day: String) -> Bool { day <= endsOn }

    /// The key of ``ApplicationDraft/details`` that names the course a sign-up is for.
    public static let detailKey = "course"
}
