/// The results of one diagnostics run, in the order the checks were given.
public struct DiagnosticsReport: Hashable, Sendable, Codable {
    public var checks: [CheckReport]
    /// Wall time of the whole run, in milliseconds.
    public var durationMilliseconds: Double

    public init(checks: [CheckReport], durationMilliseconds: Double) {
        self.checks = checks
        self.durationMilliseconds = durationMilliseconds
    }

    /// The worst result; a run without checks passes.
    public var status: CheckStatus { checks.map(\.status).max() ?? .pass }

    /// 0 when everything passed, 1 for a warning at worst, 2 for a failure.
    public var exitCode: Int32 { status.exitCode }

    /// The report of the check called `name`, if it ran.
    public subscript(name: String) -> CheckReport? { checks.first { $0.name == name } }

    private enum CodingKeys: String, CodingKey {
        case status, exitCode, durationMilliseconds, checks
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        checks = try container.decode([CheckReport].self, forKey: .checks)
        durationMilliseconds = try container.decode(Double.self, forKey: .durationMilliseconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(durationMilliseconds, forKey: .durationMilliseconds)
        try container.encode(checks, forKey: .checks)
    }
}
