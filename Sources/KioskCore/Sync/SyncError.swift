import CodedErrors

/// An error of the sync with the centre: what went wrong, and what a technician should do.
///
/// None is fatal to the terminal: it keeps serving from its cache and queueing writes, and the
/// sender tries again after a backoff.
public struct SyncError: CodedError {
    public enum Code: Hashable, Sendable {
        case unknownCommand
        case incompleteAnswer
        case emptySnapshot
        case snapshotExpired
        case commandTooLarge
        case ledgerHeadRefused
    }

    public let code: Code
    /// What went wrong and what to do about it, for a technician; no personal data.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// An outbox entry names a command this build does not know; it goes to review.
    public static func unknownCommand(_ command: String) -> Self {
        Self(
            .unknownCommand,
            "The outbox holds a command '\(command)' this version cannot send: a supervisor must review it.")
    }

    /// The centre answered a push without a result for every command: the rest go again later.
    public static func incompleteAnswer(missing: Int) -> Self {
        Self(
            .incompleteAnswer,
            "The centre answered \(missing) command(s) with no result; they stay queued and go again. "
                + "If this repeats, check the centre's version.")
    }

    /// An outbox entry larger than any push may be: it goes to review rather than block the queue.
    public static func commandTooLarge(bytes: Int, limit: Int) -> Self {
        Self(
            .commandTooLarge,
            "An outbox entry of \(bytes) bytes is larger than a push to the centre may be (\(limit) bytes): "
                + "it cannot be sent; a supervisor must review it. The rest of the queue goes on.")
    }

    /// The centre's first load held no page at all, so there is no cursor to pull from.
    public static let emptySnapshot = Self(
        .emptySnapshot,
        "The centre's first load was empty: check that this terminal's jurisdiction is right at the centre.")

    /// The centre will not go on with a first load that broke off (it has moved on too far since):
    /// the terminal starts the load afresh.
    public static let snapshotExpired = Self(
        .snapshotExpired,
        "The centre has moved on too far to resume the interrupted first load: it starts again from the beginning.")

    /// The centre refused the ledger's head as going back on the one it anchored: the ledger was
    /// cut back, rewritten or replaced. The commands of the push were answered as usual.
    public static func ledgerHeadRefused(_ reason: String) -> Self {
        Self(
            .ledgerHeadRefused,
            "The centre refused this terminal's ledger head (\(reason)). Run `sskiosk ledger verify` with the "
                + "centre's options and report it to the county: the ledger may have been tampered with.")
    }
}
