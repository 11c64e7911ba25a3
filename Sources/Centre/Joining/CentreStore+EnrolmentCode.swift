import Foundation
import KioskCore

extension CentreStore {
    /// Makes a one-time code for `terminalID` and keeps its hash (``issueEnrolmentCode(_:rotating:audit:)``),
    /// with a ledger entry for `actor`: the code itself is answered once, for the console or the
    /// command line to show, and kept nowhere.
    public func issueEnrolmentCode(
        for terminalID: String, jurisdiction: Jurisdiction, name: String, lifetime: TimeInterval, rotating: Bool,
        by actor: String, at now: Date
    ) async throws -> (code: String, record: StoredEnrolmentCode) {
        let issued = TerminalEnrolmentCode.issue(
            for: terminalID, jurisdiction: jurisdiction, name: name, lifetime: lifetime, at: now)
        try await issueEnrolmentCode(
            issued.record, rotating: rotating,
            audit: CentreLedgerEvent(
                actor: actor, action: rotating ? "terminal.code-rotated" : "terminal.code-issued",
                subject: .registeredTerminal(id: terminalID), regionCode: jurisdiction.regionPrefix,
                detail: "valid=\(Int(lifetime))s"))
        return issued
    }
}
