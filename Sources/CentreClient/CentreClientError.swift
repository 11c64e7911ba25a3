import CodedErrors

/// An error talking to the centre, said for a technician: what happened and what to check.
/// Never holds the token.
public struct CentreClientError: CodedError {
    public enum Code: Hashable, Sendable {
        case unreadableFile
        case emptyToken
        case notHTTPS
        case refused
        case status
        case malformedAnswer
        case lineTooLong
        case rateLimited
        case enrolmentRefused
        case unwritableFile
    }

    public let code: Code
    /// What went wrong and what to do about it.
    public let message: String
    /// The HTTP status the centre answered, when it answered.
    public let httpStatus: Int?

    private init(_ code: Code, _ message: String, httpStatus: Int? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code && lhs.httpStatus == rhs.httpStatus }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(httpStatus)
    }

    static func unreadableFile(_ what: String, _ path: String, _ reason: String) -> Self {
        Self(.unreadableFile, "Cannot read the \(what) at \(path) (\(reason)): check the path and its permissions.")
    }

    static func emptyToken(_ path: String) -> Self {
        Self(
            .emptyToken,
            "The token file \(path) is empty: put the token `sskiosk centre register-terminal` printed in it.")
    }

    static func notHTTPS(_ url: String) -> Self {
        Self(.notHTTPS, "The centre's address \(url) is not https://: the link to the centre must use TLS.")
    }

    /// 401/403: the centre does not know this terminal's token, revoked it, or the request was
    /// outside its jurisdiction. The centre's own code and words, when its answer carries them
    /// (`terminal-revoked`: ask the county for a new enrolment code), say which.
    static func refused(_ status: Int, centreSays reason: CentreRefusal? = nil) -> Self {
        guard let reason else {
            return Self(
                .refused,
                "The centre refused this terminal (HTTP \(status)): check its token file, or register it again at the centre.",
                httpStatus: status)
        }
        return Self(
            .refused, "The centre refused this terminal (HTTP \(status), \(reason.code)): \(reason.message)",
            httpStatus: status)
    }

    static func status(_ status: Int, _ path: String) -> Self {
        Self(
            .status,
            "The centre answered \(path) with HTTP \(status): it is tried again later; if it repeats, check the centre's log.",
            httpStatus: status)
    }

    /// A line of the snapshot longer than any page may be: the load stops before decoding it.
    static func lineTooLong(_ path: String, limit: Int) -> Self {
        Self(
            .lineTooLong,
            "A line of the centre's answer to \(path) runs past \(limit) bytes, more than any page may be: it was not "
                + "applied and the load starts again later; if it repeats, check that centre and terminal run matching versions."
        )
    }

    /// 429: the centre limits how often this terminal may do this; the sender's backoff tries again.
    static func rateLimited(_ path: String, retryAfter: Int?) -> Self {
        Self(
            .rateLimited,
            "The centre asks this terminal to call \(path) less often"
                + (retryAfter.map { " (again in \($0) s)" } ?? "")
                + ": it is tried again later. If it repeats, look at why the terminal's first loads break off.",
            httpStatus: 429)
    }

    static func malformedAnswer(_ path: String, _ reason: String) -> Self {
        Self(
            .malformedAnswer,
            "The centre's answer to \(path) could not be read (\(reason)): check that centre and terminal run matching versions."
        )
    }

    /// The centre refused the enrolment code: mistyped, used or expired (it does not say which).
    static let enrolmentRefused = Self(
        .enrolmentRefused,
        "The centre refused this enrolment code: it is mistyped, used already or expired. Check it, or ask the county "
            + "for a new one. Nothing was written.",
        httpStatus: 403)

    static func unwritableFile(_ path: String, _ reason: String) -> Self {
        Self(.unwritableFile, "Cannot write \(path) (\(reason)): check the directory and its owner, then enrol again.")
    }
}
