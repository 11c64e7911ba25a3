import KioskCore

/// A key the centre has seen, with what it answered then. Sent again, an applied key is a
/// `duplicate` (acknowledged, nothing done); a refused one is refused again with the same reason.
struct AppliedCommand {
    let result: SyncCommandResult

    /// From the columns of ``CentreSQL/appliedCommands(_:)``: key, outcome, reason, version.
    init(_ row: some SQLRowReader) throws {
        guard let outcome = SyncCommandResult.Outcome(rawValue: try row.text(1)) else {
            throw CorruptRow(table: "appliedCommand", column: "outcome")
        }
        result = Self.again(
            SyncCommandResult(
                idempotencyKey: try row.text(0), outcome: outcome, reason: try row.optionalText(2),
                version: try row.optionalInteger(3).map(Int.init)))
    }

    /// The answer to a key sent again after `first` was recorded for it.
    static func again(_ first: SyncCommandResult) -> SyncCommandResult {
        var again = first
        if again.outcome != .refused { again.outcome = .duplicate }
        return again
    }
}
