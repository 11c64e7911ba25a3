/// How a check ended. Ordered from best to worst, so the worst of a run is its `max()`.
public enum CheckStatus: String, Codable, CaseIterable, Comparable, Sendable {
    /// Works as it should.
    case pass
    /// Works, or could not be fully checked, but a person should look.
    case warn
    /// Does not work; the terminal cannot serve until it is fixed.
    case fail

    /// The process exit code of a run whose worst result is this: 0, 1 or 2.
    public var exitCode: Int32 {
        switch self {
        case .pass: 0
        case .warn: 1
        case .fail: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.exitCode < rhs.exitCode }
}
