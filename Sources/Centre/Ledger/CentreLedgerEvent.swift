import KioskCore

/// What the centre's ledger (台账) keeps of one act of its staff or its operator: who, what, about
/// what, in which area, and a short detail with nothing personal in it. The store chains it onto
/// the ledger in the same transaction as the change it records, so that no change is without its
/// entry and no entry without its change.
public struct CentreLedgerEvent: Hashable, Sendable {
    /// A console member's staff id, or `admin:` and the operating-system account of whoever ran a
    /// `sskiosk centre` command.
    public var actor: String
    /// What was done: `staff.add`, `terminal.revoke`, `figures.export`…
    public var action: String
    public var subject: LedgerSubject
    /// The area it concerns (the actor's own for a read).
    public var regionCode: String
    public var detail: String

    public init(actor: String, action: String, subject: LedgerSubject, regionCode: String, detail: String = "") {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.regionCode = regionCode
        self.detail = detail
    }

    /// An act of a signed-in console member, in their own area unless another is named.
    public init(
        by member: CentreStaffMember, _ action: String, _ subject: LedgerSubject, regionCode: String? = nil,
        detail: String = ""
    ) {
        self.init(
            actor: member.id, action: action, subject: subject,
            regionCode: regionCode ?? member.jurisdiction.regionPrefix, detail: detail)
    }

    /// The actor name of the operator who runs a command on the centre's machine.
    public static func `operator`(account: String) -> String { "admin:" + account }
}
