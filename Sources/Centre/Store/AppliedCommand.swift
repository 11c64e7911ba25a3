import KioskCore

/// A key the centre has seen, with what it answered then. Sent again, an applied key is a
/// `duplicate` (acknowledged, nothing done); a refused one is refused again with the same reason.
struct AppliedCommand {
    let result: SyncCommandResult

    /// The answer to a key sent again after `first` was recorded for it.
    static func again(_ first: SyncCommandResult) -> SyncCommandResult {
        var again = first
        if again.outcome != .refused { again.outcome = .duplicate }
        return again
    }
}

extension AppliedCommand: FetchableCentreRecord {
    static let tableName = "appliedCommand"

    /// The columns of `appliedCommand` that ``CentreSQL/appliedCommands(_:)`` selects.
    enum Columns: Int, TableColumns {
        case idempotencyKey, outcome, reason, version
    }

    init(row: TableRow<AppliedCommand>) throws {
        guard let outcome = SyncCommandResult.Outcome(rawValue: try row.text(.outcome)) else {
            throw CorruptRow(Self.self, .outcome)
        }
        result = Self.again(
            SyncCommandResult(
                idempotencyKey: try row.text(.idempotencyKey), outcome: outcome, reason: try row.optionalText(.reason),
                version: try row.optionalInteger(.version).map(Int.init)))
    }
}
