import CodedErrors

/// Why the ledger key could not be had or used: what happened to its file and what a technician
/// should do. Names the file, never its contents.
public struct LedgerKeyError: CodedError {
    public enum Code: Hashable, Sendable {
        /// No key file where one was named (and none is made there: `ledger verify`).
        case missing
        /// The file or its directory cannot be read or written by this user.
        case unreadable
        /// The file does not hold a key (64 hex digits).
        case malformed
        /// Group or others may read or write the file.
        case exposed
        /// The key is not the one the ledger is sealed with.
        case mismatch
        /// The store was opened without a key and asked to write a ledger entry.
        case notGiven
    }

    public let code: Code
    /// What went wrong and what to do, for a technician; no key.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func missing(_ path: String) -> Self {
        Self(.missing, "There is no ledger key file at \(path): give the terminal's key file with --ledger-key.")
    }

    public static func unreadable(_ path: String, _ reason: String) -> Self {
        Self(
            .unreadable,
            "The ledger key file \(path) cannot be read or made (\(reason)): check the path and its permissions.")
    }

    public static func malformed(_ path: String) -> Self {
        Self(
            .malformed,
            "The ledger key file \(path) does not hold a key (64 hex digits): give the terminal's own key file.")
    }

    public static func exposed(_ path: String, mode: Int) -> Self {
        Self(
            .exposed,
            "The ledger key file \(path) may be read by others (mode \(String(mode, radix: 8))): "
                + "make it the service user's alone (chmod 600) and check who has read it.")
    }

    public static let mismatch = Self(
        .mismatch,
        "The ledger key is not the one this terminal's ledger is sealed with: give the key file the terminal was installed with."
    )

    public static let notGiven = Self(
        .notGiven,
        "This store was opened without the ledger key, so it writes no ledger entry: open it with --ledger-key.")
}
