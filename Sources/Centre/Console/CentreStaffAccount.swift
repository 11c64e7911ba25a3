import Foundation
import KioskCore

/// A centre staff account as sign-in sees it: the member, their password hash (the terminal's
/// scrypt ``PasswordHash``), the state of the account and its wrong passwords in a row, kept
/// together in one row so that no check is made without the others.
public struct CentreStaffAccount: Hashable, Sendable {
    public var member: CentreStaffMember
    public var password: PasswordHash
    /// Set on a new account: someone else chose the password, so the member chooses their own first.
    public var mustChangePassword: Bool
    public var isDisabled: Bool
    /// Kept in the store, so that a restart of the centre lifts no lock.
    public var failures: SignInFailures
    public var createdAt: Date

    public init(
        member: CentreStaffMember, password: PasswordHash, mustChangePassword: Bool, isDisabled: Bool = false,
        failures: SignInFailures = SignInFailures(), createdAt: Date
    ) {
        self.member = member
        self.password = password
        self.mustChangePassword = mustChangePassword
        self.isDisabled = isDisabled
        self.failures = failures
        self.failures.lockedUntil = failures.lockedUntil?.wholeMilliseconds
        self.createdAt = createdAt.wholeMilliseconds
    }
}

extension CentreStaffAccount {
    /// The account as a terminal serving `area` gets it (``CentreStaffMember/terminalMember(serving:)``),
    /// with its password hash and state; the console's failures and locks stay at the centre.
    public func terminalAccount(serving area: Jurisdiction) -> StaffAccount? {
        member.terminalMember(serving: area).map {
            StaffAccount(member: $0, password: password, mustChangePassword: mustChangePassword, isDisabled: isDisabled)
        }
    }
}
