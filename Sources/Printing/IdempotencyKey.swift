/// The key that makes printing a document idempotent: it becomes the job's name, so a retry after
/// a crash or a timeout finds the job already submitted instead of printing it twice.
///
/// Made by the caller from its own record (terminal id + sequence, as the outbox's keys are).
/// Letters, digits, `-`, `_`, `.` and `:` only, at most 100 characters, so that the name
/// survives cupsd, the printer and the printer's spool file name unchanged or recognisably.
public struct IdempotencyKey: Sendable, Hashable, CustomStringConvertible {
    public static let maximumLength = 100

    public let rawValue: String

    public init(_ rawValue: String) throws(PrintingError) {
        guard !rawValue.isEmpty else { throw .invalidKey("it is empty") }
        guard rawValue.utf8.count <= Self.maximumLength else {
            throw .invalidKey("it is longer than \(Self.maximumLength) characters")
        }
        guard rawValue.unicodeScalars.allSatisfy(Self.isAllowed) else {
            throw .invalidKey("only letters, digits, '-', '_', '.' and ':' may be used")
        }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", ":": true
        default: false
        }
    }
}
