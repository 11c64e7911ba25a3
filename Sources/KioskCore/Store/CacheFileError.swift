import CodedErrors

/// Why a terminal's cache file could not be read at all. A file that opens but is damaged inside
/// is no error: its ``CacheHealth`` says what SQLite's check found.
public struct CacheFileError: CodedError {
    public enum Code: Hashable, Sendable {
        /// Not an SQLite database: overwritten, or its first page destroyed.
        case notADatabase
        /// SQLite met damage while reading it.
        case damaged
        /// This user may not open it.
        case noAccess
        /// Another process holds it locked.
        case locked
        /// Anything else SQLite refused.
        case unreadable
    }

    public let code: Code
    /// What went wrong, for a technician; no personal data.
    public let message: String
    /// SQLite's own words for it (English, for a technician).
    public let detail: String

    private init(_ code: Code, _ message: String, detail: String) {
        self.code = code
        self.message = message
        self.detail = detail
    }

    public static func notADatabase(_ path: String, detail: String) -> Self {
        Self(.notADatabase, "The cache \(path) is not an SQLite database: overwritten or damaged.", detail: detail)
    }

    public static func damaged(_ path: String, detail: String) -> Self {
        Self(.damaged, "The cache \(path) is damaged (\(detail)).", detail: detail)
    }

    public static func noAccess(_ path: String, detail: String) -> Self {
        Self(.noAccess, "The cache \(path) cannot be opened by this user: check its permissions.", detail: detail)
    }

    public static func locked(_ path: String, detail: String) -> Self {
        Self(.locked, "The cache \(path) is locked by another process: try again shortly.", detail: detail)
    }

    public static func unreadable(_ path: String, detail: String) -> Self {
        Self(.unreadable, "The cache \(path) cannot be read (\(detail)).", detail: detail)
    }
}
