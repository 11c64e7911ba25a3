import Foundation

/// What issuing, redeeming and revoking do to the centre's tables, written once for both stores:
/// ``EnrolmentRules``' decision on the rows the store read (in the transaction that writes),
/// carried out as statements.
enum TerminalEnrolling {
    /// The code's row, after the terminal's earlier unused codes are withdrawn: one open code each.
    static func issue(
        _ code: StoredEnrolmentCode, existing: RegisteredTerminal?, rotating: Bool, _ sql: CentreSQL
    ) throws -> [CentreSQL.Statement] {
        if let refusal = EnrolmentRules.issue(for: code.terminalID, existing: existing, rotating: rotating) {
            throw refusal
        }
        return [sql.withdrawEnrolmentCodes(of: code.terminalID), try sql.insert(code)]
    }

    /// The code marked used and the terminal written with the certificate and token `credentials`
    /// made for it: a new terminal, or a rotated one whose earlier pair stops working here.
    static func redeem<Issued>(
        _ found: StoredEnrolmentCode?, at now: Date, _ sql: CentreSQL,
        credentials: (StoredEnrolmentCode) throws -> (terminal: RegisteredTerminal, issued: Issued)
    ) throws -> (statements: [CentreSQL.Statement], issued: Issued) {
        let code = try EnrolmentRules.redeem(found, at: now).get()
        let (terminal, issued) = try credentials(code)
        return ([sql.useEnrolmentCode(code.codeHash, at: now), try sql.upsert(terminal)], issued)
    }

    /// The terminal's certificate and token ended, and its open codes withdrawn.
    static func revoke(_ existing: RegisteredTerminal?, at now: Date, _ sql: CentreSQL) throws -> [CentreSQL.Statement]
    {
        guard let existing else { throw CentreError.unknownTerminal }
        return [sql.withdrawEnrolmentCodes(of: existing.id), sql.revokeTerminal(existing.id, at: now)]
    }
}
