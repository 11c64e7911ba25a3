import CodedErrors

/// An error setting up diagnostics (not a finding of a check, which is a ``CheckResult``).
public struct DiagnosticsError: CodedError {
    public enum Code: Hashable, Sendable {
        case catalogueUnreadable
        case catalogueNotFound
        case bundleNotWritten
    }

    public let code: Code
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func catalogueUnreadable(_ path: String, reason: String) -> Self {
        Self(.catalogueUnreadable, "The device catalogue \(path) is unusable: \(reason). Restore it from the release.")
    }

    public static let catalogueNotFound = Self(
        .catalogueNotFound,
        "The device catalogue (hardware/catalogue.json) was not found. Give its path with --catalogue FILE or SSKIOSK_CATALOGUE."
    )

    public static func bundleNotWritten(_ path: String) -> Self {
        Self(
            .bundleNotWritten,
            "The support bundle \(path) could not be written (tar failed). Check the disk space and the directory's permissions."
        )
    }
}
