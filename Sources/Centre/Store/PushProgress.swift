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

    /// The statements that carry out `command` as the rules decided, with its answer: an applied
    /// command's write, numbered with the push's next change number, then, either way, the record
    /// of its key. The answer stands for the key from here on, in this push too.
    mutating func carryOut(
        _ command: SyncCommand, _ decision: Result<CommandEffect, CommandRefusal>, from terminal: RegisteredTerminal,
        at now: Date, _ sql: CentreSQL
    ) throws -> (statements: [CentreSQL.Statement], result: SyncCommandResult) {
        var statements: [CentreSQL.Statement] = []
        let result: SyncCommandResult
        switch decision {
        case .success(let effect):
            statements.append(try sql.write(effect, sequence: takeSequence()))
            known.record(effect)
            result = SyncCommandResult(
                idempotencyKey: command.idempotencyKey, outcome: .applied, version: effect.version)
        case .failure(let refusal):
            result = SyncCommandResult(
                idempotencyKey: command.idempotencyKey, outcome: .refused, reason: refusal.reason)
        }
        statements.append(sql.recordCommand(command, terminal: terminal, result: result, at: now.milliseconds))
        answered[command.idempotencyKey] = AppliedCommand.again(result)
        return (statements, result)
    }

    private mutating func takeSequence() -> Int64 {
        defer { nextSequence += 1 }
        return nextSequence
    }
}
