import Foundation

/// Whether a code may be issued, and whether a presented one enrols, decided without a database
/// from the rows the store read in the transaction that writes.
enum EnrolmentRules {
    /// A new terminal's first code is refused for an id already taken; a rotation's code needs the terminal.
    static func issue(for terminalID: String, existing: RegisteredTerminal?, rotating: Bool) -> CentreError? {
        switch (existing, rotating) {
        case (.some, false): .terminalExists
        case (nil, true): .unknownTerminal
        default: nil
        }
    }

    /// A code enrols once, before it expires. Unknown, used and expired codes are refused alike, so
    /// that an answer tells a guesser nothing.
    static func redeem(_ code: StoredEnrolmentCode?, at now: Date) -> Result<StoredEnrolmentCode, CentreError> {
        guard let code, code.usedAt == nil, now < code.expiresAt else { return .failure(.enrolmentCodeRefused) }
        return .success(code)
    }
}
