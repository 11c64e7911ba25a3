import KioskCore

/// A key the centre has seen, with what it answered then. Sent again, an applied key is a
/// `duplicate` (acknowledged, nothing done); a refused one is refused again with the same reason.
struct AppliedCommand {
    let result: SyncCommandResult

    /// From the columns of ``CentreSQL/appliedCommand(_:)``: outcome, reason, version.
    init(_ key: String, _ row: some SQLRowReader) throws {
        guard let outcome = SyncCommandResult.Outcome(rawValue: try row.text(0)) else {
            throw CorruptRow(table: "appliedCommand", column: "outcome")
        }
        result = SyncCommandResult(
            idempotencyKey: key, outcome: outcome == .refused ? .refused : .duplicate, reason: try row.optionalText(1),
            version: try row.optionalInteger(2).map(Int.init))
    }
}
