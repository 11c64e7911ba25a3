import CodedErrors

/// A compressed body that cannot be read: a coding this side does not know, a stream that inflates
/// past its cap (a zip bomb, or a body larger than any the protocol sends), one cut short, or bytes
/// that are not gzip at all. Nothing of such a body may be applied.
public struct BodyCompressionError: CodedError {
    public enum Code: String, Hashable, Sendable {
        case unsupportedCoding = "unsupported-content-encoding"
        case tooLarge = "inflated-body-too-large"
        case truncated = "compressed-body-truncated"
        case corrupt = "compressed-body-corrupt"
    }

    public let code: Code
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func unsupportedCoding(_ coding: String) -> Self {
        Self(.unsupportedCoding, "The body is encoded as \"\(coding)\"; only gzip and identity are read.")
    }

    /// The stream inflated past `limit` bytes and was stopped there.
    public static func tooLarge(limit: Int) -> Self {
        Self(
            .tooLarge,
            "The compressed body inflates past \(limit) bytes, more than any the sync protocol sends: it was stopped "
                + "there and nothing of it applied. If it repeats, check that both sides run matching versions.")
    }

    public static let truncated = Self(
        .truncated,
        "The compressed body ends before its gzip stream does (a dropped link?): nothing of it was applied; "
            + "it is asked for again.")

    public static let corrupt = Self(
        .corrupt,
        "The body is not a well-formed gzip stream: nothing of it was applied. If it repeats, check what stands "
            + "between terminal and centre (a proxy rewriting bodies?).")
}
