import Foundation
import KioskCore

/// What a push's ledger head does at the centre, written once for both stores: the rules'
/// decision on the anchor the store read (in the transaction that writes), carried out as
/// statements, with the answer for the terminal.
enum LedgerAnchoring {
    /// A refused head is recorded (once per head, with how often it came), and the anchor stays.
    static func carryOut(
        _ offered: LedgerHead, atAnchor: LedgerHead?, anchored: StoredLedgerAnchor?, of terminal: RegisteredTerminal,
        at now: Date, _ sql: CentreSQL
    ) throws -> (statements: [CentreSQL.Statement], result: LedgerAnchorResult) {
        switch LedgerAnchorRules.decide(offered, atAnchor: atAnchor, anchored: anchored?.head) {
        case .anchor:
            let anchor = StoredLedgerAnchor(terminalID: terminal.id, head: offered, anchoredAt: now)
            return ([try sql.upsert(anchor)], LedgerAnchorResult(outcome: .anchored, anchored: offered))
        case .same:
            return ([], LedgerAnchorResult(outcome: .anchored, anchored: offered))
        case .refuse(let error):
            return (
                [
                    sql.recordAnchorRefusal(
                        offered, of: terminal, code: error.codeName, anchored: anchored?.head, at: now)
                ],
                LedgerAnchorResult(
                    outcome: .refused, anchored: anchored?.head, reason: "\(error.codeName): \(error.message)")
            )
        }
    }
}
