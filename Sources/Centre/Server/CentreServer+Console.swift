import Foundation
import Hummingbird
import KioskCore

/// The console's API under `/console/api` (openapi-centre.yaml): sign-in for the county's staff, and
/// what each role may see or do, always inside the member's own jurisdiction.
extension CentreServer {
    func addConsoleRoutes(to router: Router<CentreRequestContext>) {
        let api = router.group("console/api")
        api.post("session") { request, _ in
            let body = try await CentreJSON.decode(
                ConsoleRequests.SignIn.self, from: request, limit: ConsoleRequests.maximumBytes)
            return try CentreJSON.response(try await sessions.signIn(id: body.id, password: body.password, at: Date()))
        }
        api.post("password") { request, _ in
            let body = try await CentreJSON.decode(
                ConsoleRequests.ChangePassword.self, from: request, limit: ConsoleRequests.maximumBytes)
            return try CentreJSON.response(
                try await sessions.changePassword(
                    id: body.id, password: body.password, newPassword: body.newPassword, at: Date()))
        }
        let signedIn = api.add(middleware: ConsoleAuthentication(sessions: sessions))
        signedIn.delete("session") { request, _ in
            if let header = request.headers[.authorization] {
                await sessions.signOut(String(header.dropFirst("Bearer ".count)))
            }
            return Response(status: .noContent)
        }
        signedIn.get("terminals") { _, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewTerminals)
            let heartbeats = try await lastHeartbeats(in: staff.jurisdiction)
            return try CentreJSON.response(
                try await store.terminals(in: staff.jurisdiction).map { ConsoleTerminal($0, heartbeats[$0.id]) })
        }
        signedIn.get("fleet") { _, context in
            let staff = try context.requireStaff()
            try ConsolePolicy.authorize(staff, .viewFleet)
            let heartbeats = try await lastHeartbeats(in: staff.jurisdiction)
            let now = Date()
            return try CentreJSON.response(
                try await store.terminals(in: staff.jurisdiction).map {
                    ConsoleFleetTerminal($0, heartbeats[$0.id], at: now)
                })
        }
        signedIn.post("terminals") { request, context in
            let staff = try context.requireStaff()
            let body = try await CentreJSON.decode(
                ConsoleRequests.NewTerminal.self, from: request, limit: ConsoleRequests.maximumBytes)
            guard ConsoleRequests.isIdentifier(body.terminalID) else { throw CentreError.malformedBody }
            let area = try Jurisdiction(body.jurisdiction)
            try ConsolePolicy.authorize(staff, .manageTerminals, regionCode: area.regionPrefix)
            let name = body.name.trimmingCharacters(in: .whitespaces)
            return try await issueCode(
                for: body.terminalID, jurisdiction: area, name: name.isEmpty ? body.terminalID : name,
                hours: body.expiresInHours, rotating: false, by: staff)
        }
        signedIn.post("terminals/{id}/rotate") { request, context in
            let terminal = try await managedTerminal(context)
            let body = try await CentreJSON.decode(
                ConsoleRequests.Rotation.self, from: request, limit: ConsoleRequests.maximumBytes)
            return try await issueCode(
                for: terminal.id, jurisdiction: terminal.jurisdiction, name: terminal.name, hours: body.expiresInHours,
                rotating: true, by: try context.requireStaff())
        }
        addConsoleStaffRoutes(to: signedIn)
        addCardProductionRoutes(to: signedIn)
        addFiguresRoutes(to: signedIn)
        addPublishingRoutes(to: signedIn)
        signedIn.post("terminals/{id}/revoke") { _, context in
            let terminal = try await managedTerminal(context)
            let staff = try context.requireStaff()
            try await store.revokeTerminal(
                terminal.id, at: Date(),
                audit: CentreLedgerEvent(
                    by: staff, "terminal.revoke", .registeredTerminal(id: terminal.id),
                    regionCode: terminal.jurisdiction.regionPrefix))
            logger.notice(
                "terminal revoked from the console",
                metadata: ["terminal": "\(terminal.id)", "staff": "\(staff.id)"])
            guard let revoked = try await store.terminal(id: terminal.id) else { throw CentreError.unknownTerminal }
            return try CentreJSON.response(ConsoleTerminal(revoked))
        }
    }

    private func lastHeartbeats(in area: Jurisdiction) async throws -> [String: StoredHeartbeat] {
        Dictionary(
            try await store.heartbeats(in: area).map { ($0.terminalID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The terminal of the route's `{id}`, once the member is found to manage terminals where it is.
    private func managedTerminal(_ context: CentreRequestContext) async throws -> RegisteredTerminal {
        let staff = try context.requireStaff()
        try ConsolePolicy.authorize(staff, .manageTerminals)
        guard let terminal = try await store.terminal(id: try context.parameters.require("id")) else {
            throw CentreError.unknownTerminal
        }
        try ConsolePolicy.authorize(staff, .manageTerminals, regionCode: terminal.jurisdiction.regionPrefix)
        return terminal
    }

    /// A code issued and shown once (201), its issue in the centre's log (never the code).
    private func issueCode(
        for terminalID: String, jurisdiction: Jurisdiction, name: String, hours: Int, rotating: Bool,
        by staff: CentreStaffMember
    ) async throws -> Response {
        guard (1...Int(TerminalEnrolmentCode.maximumLifetime / 3600)).contains(hours) else {
            throw CentreError.malformedBody
        }
        let (code, record) = try await store.issueEnrolmentCode(
            for: terminalID, jurisdiction: jurisdiction, name: name, lifetime: TimeInterval(hours) * 3600,
            rotating: rotating, by: staff.id, at: Date())
        logger.notice(
            rotating ? "rotation code issued from the console" : "enrolment code issued from the console",
            metadata: ["terminal": "\(terminalID)", "staff": "\(staff.id)"])
        return try CentreJSON.response(
            ConsoleRequests.IssuedCode(terminalID: terminalID, code: code, expiresAt: record.expiresAt),
            status: .created)
    }
}
