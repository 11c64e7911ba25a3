/// What one check found: a status, the cause in one line, the fix in one line, and details for tools.
///
/// Causes and fixes are written for a technician at a village station: what is wrong and what to do
/// next, never a raw error code alone, and never a resident's personal data.
public struct CheckResult: Hashable, Sendable, Codable {
    public var status: CheckStatus
    /// One line: what was found.
    public var cause: String
    /// One line: what to do; `nil` when the check passed.
    public var fix: String?
    /// Machine-readable facts behind the cause, for `--json`.
    public var details: [String: DetailValue]

    public init(status: CheckStatus, cause: String, fix: String?, details: [String: DetailValue] = [:]) {
        self.status = status
        self.cause = cause
        self.fix = fix
        self.details = details
    }

    public static func pass(_ cause: String, details: [String: DetailValue] = [:]) -> Self {
        Self(status: .pass, cause: cause, fix: nil, details: details)
    }

    public static func warn(_ cause: String, fix: String, details: [String: DetailValue] = [:]) -> Self {
        Self(status: .warn, cause: cause, fix: fix, details: details)
    }

    public static func fail(_ cause: String, fix: String, details: [String: DetailValue] = [:]) -> Self {
        Self(status: .fail, cause: cause, fix: fix, details: details)
    }
}
