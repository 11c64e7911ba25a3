import KioskCore

/// What one push's transaction knows as it goes: the answer for every key seen before (read for
/// the whole push in one query, and added to as its commands are applied, so a key twice in one
/// push is a duplicate too) and the change numbers reserved for it in one step. Numbers a refused
/// command leaves unused are a gap, which cursors allow: they only need numbers to commit in order.
struct PushProgress {
    var answered: [String: SyncCommandResult]
    private var nextSequence: Int64

    /// `answered` from ``CentreSQL/appliedCommands(_:)``; `firstSequence` the first of as many
    /// numbers as the push has commands.
    init(answered: [AppliedCommand], firstSequence: Int64) {
        self.answered = Dictionary(answered.map { ($0.result.idempotencyKey, $0.result) }) { first, _ in first }
        nextSequence = firstSequence
    }

    mutating func takeSequence() -> Int64 {
        defer { nextSequence += 1 }
        return nextSequence
    }

    mutating func record(_ result: SyncCommandResult) { answered[result.idempotencyKey] = AppliedCommand.again(result) }
}
