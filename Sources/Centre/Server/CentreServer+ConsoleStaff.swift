import Documents
import Foundation
import Hummingbird
import KioskCore
import Logging

/// The console's staff administration under `/console/api/staff` (openapi-centre.yaml): a county
/// administrator adds the staff of their own area, disables and enables them, resets a password,
/// and changes a role or an area, never beyond their own jurisdiction and never on their own
/// account. A first or reset password is made here and shown once; the member chooses their own at
/// the next sign-in, and every session of a changed account ends (``ConsoleSessions``). Each change
/// goes to the centre's log, with who made it and never a password.
extension CentreServer {
    func addConsoleStaffRoutes(to signedIn: RouterGroup<CentreRequestContext>) {
        signedIn.get("staff") { _, context in
            let admin = try context.requireStaff()
            try ConsolePolicy.authorize(admin, .manageStaff)
            let now = Date()
            return try CentreJSON.response(
                try await store.staff(in: admin.jurisdiction).map { ConsoleStaff($0, at: now) })
        }
        signedIn.post("staff") { request, context in
            let admin = try context.requireStaff()
            let body = try await Self.assignment(request)
            guard let id = body.id, ConsoleRequests.isIdentifier(id),
                let name = body.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty
            else { throw CentreError.malformedBody }
            let member = CentreStaffMember(
                id: id, name: name, role: body.role, jurisdiction: try Self.staffArea(body.jurisdiction, for: body.role)
            )
            try ConsolePolicy.authorize(admin, .manageStaff, regionCode: member.jurisdiction.regionPrefix)
            let password = Self.firstPassword()
            let now = Date()
            let account = CentreStaffAccount(
                member: member, password: try PasswordHash(hashing: password), mustChangePassword: true, createdAt: now)
            try await store.addStaff(
                account,
                audit: staffChange(
                    "staff.add", member, by: admin, detail: "role=\(member.role.rawValue) area=\(member.jurisdiction)"))
            return try CentreJSON.response(
                ConsoleRequests.IssuedPassword(staff: ConsoleStaff(account, at: now), firstPassword: password),
                status: .created)
        }
        signedIn.put("staff/{id}") { request, context in
            let body = try await Self.assignment(request)
            let area = try Self.staffArea(body.jurisdiction, for: body.role)
            var (account, admin) = try await managedStaff(context)
            try ConsolePolicy.authorize(admin, .manageStaff, regionCode: area.regionPrefix)
            account.member.role = body.role
            account.member.jurisdiction = area
            try await store.saveStaff(
                account,
                audit: staffChange(
                    "staff.reassign", account.member, by: admin, detail: "role=\(body.role.rawValue) area=\(area)"))
            return try CentreJSON.response(ConsoleStaff(account, at: Date()))
        }
        for disabled in [true, false] {
            signedIn.post("staff/{id}/\(disabled ? "disable" : "enable")") { _, context in
                var (account, admin) = try await managedStaff(context)
                account.isDisabled = disabled
                try await store.saveStaff(
                    account, audit: staffChange(disabled ? "staff.disable" : "staff.enable", account.member, by: admin))
                return try CentreJSON.response(ConsoleStaff(account, at: Date()))
            }
        }
        signedIn.post("staff/{id}/reset") { _, context in
            var (account, admin) = try await managedStaff(context)
            let password = Self.firstPassword()
            account.password = try PasswordHash(hashing: password)
            account.mustChangePassword = true
            account.failures = SignInFailures()
            try await store.saveStaff(account, audit: staffChange("staff.reset", account.member, by: admin))
            return try CentreJSON.response(
                ConsoleRequests.IssuedPassword(staff: ConsoleStaff(account, at: Date()), firstPassword: password))
        }
    }

    /// The account of the route's `{id}`, once the signed-in member is found to manage staff where it
    /// is, and it is not their own.
    private func managedStaff(_ context: CentreRequestContext) async throws
        -> (account: CentreStaffAccount, admin: CentreStaffMember)
    {
        let admin = try context.requireStaff()
        try ConsolePolicy.authorize(admin, .manageStaff)
        let id = try context.parameters.require("id")
        guard id != admin.id else { throw CentreError.ownStaffAccount }
        // Someone outside the administrator's area is as unknown to them as no one.
        guard let account = try await store.staffAccount(id: id),
            admin.jurisdiction.contains(account.member.jurisdiction.regionPrefix)
        else { throw CentreError.unknownStaff }
        return (account, admin)
    }

    private static func assignment(_ request: Request) async throws -> ConsoleRequests.StaffAssignment {
        try await CentreJSON.decode(
            ConsoleRequests.StaffAssignment.self, from: request, limit: ConsoleRequests.maximumBytes)
    }

    /// An area a member of `role` may have (``CentreStaffMember/isStaffArea(_:for:)``).
    private static func staffArea(_ code: String, for role: CentreRole) throws -> Jurisdiction {
        guard let area = try? Jurisdiction(code), CentreStaffMember.isStaffArea(area, for: role) else {
            throw CentreError.malformedBody
        }
        return area
    }

    /// Twelve random Crockford Base32 digits in three groups (60 bits), easy to read out over the
    /// telephone; good only until the member replaces it at their first sign-in.
    private static func firstPassword() -> String { CrockfordBase32.random(digits: 12) }

    /// The ledger entry of a change `admin` makes to `member`'s account, in the account's area,
    /// logged as it is made.
    private func staffChange(
        _ action: String, _ member: CentreStaffMember, by admin: CentreStaffMember, detail: String = ""
    ) -> CentreLedgerEvent {
        logger.notice(
            "staff account changed from the console",
            metadata: ["action": "\(action)", "staff": "\(member.id)", "by": "\(admin.id)", "detail": "\(detail)"])
        return CentreLedgerEvent(
            by: admin, action, .staff(id: member.id), regionCode: member.jurisdiction.regionPrefix, detail: detail)
    }
}
