/// One check's result in a report, with the check's name, category and how long it took.
public struct CheckReport: Hashable, Sendable, Codable {
    public var name: String
    public var category: CheckCategory
    public var result: CheckResult
    /// Wall time from the check's start to its result, in milliseconds; 0 for a check not run.
    public var durationMilliseconds: Double

    public init(name: String, category: CheckCategory, result: CheckResult, durationMilliseconds: Double) {
        self.name = name
        self.category = category
        self.result = result
        self.durationMilliseconds = durationMilliseconds
    }

    public var status: CheckStatus { result.status }

    private enum CodingKeys: String, CodingKey {
        case name, category, status, cause, fix, details, durationMilliseconds
    }

    // Flat in JSON: `{"name": ..., "status": ..., "cause": ..., "fix": ...}` reads better for tools.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        category = try container.decode(CheckCategory.self, forKey: .category)
        result = CheckResult(
            status: try container.decode(CheckStatus.self, forKey: .status),
            cause: try container.decode(String.self, forKey: .cause),
            fix: try container.decodeIfPresent(String.self, forKey: .fix),
            details: try container.decodeIfPresent([String: DetailValue].self, forKey: .details) ?? [:]
        )
        durationMilliseconds = try container.decode(Double.self, forKey: .durationMilliseconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(category, forKey: .category)
        try container.encode(result.status, forKey: .status)
        try container.encode(result.cause, forKey: .cause)
        try container.encodeIfPresent(result.fix, forKey: .fix)
        if !result.details.isEmpty { try container.encode(result.details, forKey: .details) }
        try container.encode(durationMilliseconds, forKey: .durationMilliseconds)
    }
}
