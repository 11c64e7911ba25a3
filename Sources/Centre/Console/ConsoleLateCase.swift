import Foundation
import KioskCore

/// A late case as the console lists it for the county to chase (督办): where it is, who has it and
/// which limit has passed; no one's name or ID number.
public struct ConsoleLateCase: Codable, Hashable, Sendable {
    public var id: String
    public var kind: ApplicationKind
    /// The service's name as the county's staff know it.
    public var service: String
    /// The village (or township) whose resident it is.
    public var regionCode: String
    /// The level whose step it is at.
    public var level: ServiceLevel
    public var owner: String?
    public var stepDue: Date
    public var deadline: Date
    /// The level's own limit has passed.
    public var stepLate: Bool
    /// The whole case's limit has passed.
    public var caseLate: Bool

    public init(_ application: Application, at now: Date) {
        id = application.id
        kind = application.kind
        service = application.kind.chineseName
        regionCode = application.regionCode
        level = application.level
        owner = application.owner
        stepDue = application.stepDue
        deadline = application.deadline
        stepLate = application.isStepOverdue(at: now)
        caseLate = application.isOverdue(at: now)
    }
}
