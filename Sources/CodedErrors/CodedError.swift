/// The one shape of every module's error: a struct with a public `Code` that callers match on,
/// and a message written for the person who must act on it (a clerk, a technician, a resident).
///
/// As swift-service-lifecycle's `ServiceRunnerError` does, two errors are equal when their codes
/// are, whatever their messages say: a test or a caller asks *what* went wrong, never how it was
/// worded. A conforming type writes only its codes, its stored properties and its static
/// factories; equality, hashing and a plain description come from here.
public protocol CodedError: Error, Hashable, Sendable, CustomStringConvertible {
    associatedtype Code: Hashable, Sendable

    /// What went wrong, for code to match on.
    var code: Code { get }
    /// What went wrong and what to do about it, for a person.
    var message: String { get }
}

extension CodedError {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String { message }
}
