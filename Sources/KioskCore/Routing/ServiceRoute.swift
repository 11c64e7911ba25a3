/// The way a service's applications go up the levels (村初审 → 乡镇审核 → 县审批): the steps in
/// order, each with the level that acts and its own time limit. The last step's level decides.
/// The centre publishes a route per service; a terminal uses the national one until it has.
public struct ServiceRoute: Codable, Hashable, Sendable {
    public var kind: ApplicationKind
    public var steps: [Step]

    /// One level's part: who acts, and the working days they have from the day the step starts.
    public struct Step: Codable, Hashable, Sendable {
        public var level: ServiceLevel
        public var days: Int

        public init(level: ServiceLevel, days: Int) {
            self.level = level
            self.days = days
        }
    }

    public init(kind: ApplicationKind, steps: [Step]) {
        self.kind = kind
        self.steps = steps
    }

    /// The route every terminal knows: the village checks, the township decides. The village has a
    /// fifth of the service's limit (限时办结), the township the rest, so that the two add up to it.
    public static func national(_ kind: ApplicationKind) -> ServiceRoute {
        let village = kind.timeLimitDays / 5
        return ServiceRoute(
            kind: kind,
            steps: [Step(level: .village, days: village), Step(level: .township, days: kind.timeLimitDays - village)])
    }

    /// The level that decides: the last step's.
    public var decidingLevel: ServiceLevel { steps.last?.level ?? .township }

    /// The working days the whole route allows, the limit promised to the resident.
    public var totalDays: Int { steps.reduce(0) { $0 + $1.days } }

    /// The step an application filed at `level` starts at: the first one at that level or above, so
    /// that a case brought to the township hall does not wait for a village's check; the last step
    /// when the route ends below the level.
    public func startStep(filedAt level: ServiceLevel) -> Int {
        steps.firstIndex { $0.level >= level } ?? max(0, steps.count - 1)
    }

    /// What is wrong with the route, in plain words; empty when nothing is.
    public var problems: [String] {
        var problems: [String] = []
        let name = kind.rawValue
        if steps.isEmpty { problems.append("\(name): the route has no step") }
        for (index, step) in steps.enumerated() {
            if !(0...ServiceRoute.maximumStepDays).contains(step.days) {
                problems.append(
                    "\(name): step \(index + 1) (\(step.level.rawValue)) has \(step.days) working days, not 0 to \(ServiceRoute.maximumStepDays)"
                )
            }
            if index > 0, step.level <= steps[index - 1].level {
                problems.append(
                    "\(name): step \(index + 1) (\(step.level.rawValue)) is not above step \(index) (\(steps[index - 1].level.rawValue))"
                )
            }
        }
        return problems
    }

    /// The longest a single step may be given: a quarter of a year of working days.
    public static let maximumStepDays = 60

    /// The route in a line, for a ledger or an operator.
    public var summary: String {
        "\(kind.rawValue): " + steps.map { "\($0.level.rawValue) \($0.days)d" }.joined(separator: " → ")
    }
}
