import Foundation
import KioskCore

/// What one push's transaction knows as it goes: the answer for every key seen before (read for
/// the whole push in one query, and added to as its commands are applied, so a key twice in one
/// push is a duplicate too), the facts its commands are judged against (``PushFacts``, kept up to
/// date with its writes) and the change numbers reserved for it in one step. Numbers a refused
/// command leaves unused are a gap, which cursors allow: they only need numbers to commit in order.
struct PushProgress {
    var answered: [String: SyncCommandResult]
    private var known: PushFacts
    /// The keys judged so far, to record in one statement at the end (``recordStatement(from:at:_:)``).
    private var judged: [(kind: SyncCommandKind, result: SyncCommandResult)] = []
    private var nextSequence: Int64

    /// `answered` from ``CentreSQL/appliedCommands(_:)``; `facts` from ``PushFacts/lookups(for:_:)``;
    /// `firstSequence` the first of as many numbers as the push has commands.
    init(answered: [AppliedCommand], facts: PushFacts, firstSequence: Int64) {
        self.answered = Dictionary(answered.map { ($0.result.idempotencyKey, $0.result) }) { first, _ in first }
        known = facts
        nextSequence = firstSequence
    }

    /// What `command` is judged against, with the writes of the push so far.
    func facts(for command: CentreCommand) -> CommandFacts { known.facts(for: command) }

    /// The write that carries out `command` as the rules decided (none for a refusal), numbered with
    /// the push's next change number, with its answer. The answer stands for the key from here on,
    /// in this push too, and is recorded with the push's others (``recordStatement(from:at:_:)``).
    mutating func carryOut(_ command: SyncCommand, _ decision: Result<CommandEffect, CommandRefusal>, _ sql: CentreSQL)
        throws -> (statement: CentreSQL.Statement?, result: SyncCommandResult)
    {
        var statement: CentreSQL.Statement?
        let result: SyncCommandResult
        switch decision {
        case .success(let effect):
            statement = try sql.write(effect, sequence: takeSequence())
            known.record(effect)
            result = SyncCommandResult(
                idempotencyKey: command.idempotencyKey, outcome: .applied, version: effect.version)
        case .failure(let refusal):
            result = SyncCommandResult(
                idempotencyKey: command.idempotencyKey, outcome: .refused, reason: refusal.reason)
        }
        judged.append((command.kind, result))
        answered[command.idempotencyKey] = AppliedCommand.again(result)
        return (statement, result)
    }

    /// The record of every key the push judged, for the end of its transaction; nil when it judged
    /// none (all duplicates).
    func recordStatement(from terminal: RegisteredTerminal, at now: Date, _ sql: CentreSQL) -> CentreSQL.Statement? {
        judged.isEmpty ? nil : sql.recordCommands(judged, terminal: terminal, at: now.milliseconds)
    }

    private mutating func takeSequence() -> Int64 {
        defer { nextSequence += 1 }
        return nextSequence
    }
}
