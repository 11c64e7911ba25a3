import Foundation
import KioskCore
import KioskSQLite
import TestSupport
import Testing

/// `sskiosk staff` on a terminal's database while its service runs, as an administrator would use
/// it, and what each change does to sign-in at the running service.
@Suite("sskiosk staff: accounts made, reset, disabled and enabled at the command line")
struct StaffCommandTests {
    static func staff(_ arguments: [String], database: String, input: String? = nil) async throws -> CommandRun {
        try await CommandRun.run(
            [BuildFolder.executable("sskiosk"), "staff"] + arguments + [
                "--database", database, "--ledger-key", ServiceProcess.ledgerKeyPath(for: database),
            ], input: input)
    }

    /// An installed terminal's database with no staff yet.
    static func terminalDatabase() async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("staff-cli-\(UUID()).sqlite").path
        try await SQLiteKioskStore(path: path, ledgerKey: nil).setTerminal(
            TerminalIdentity(terminalID: "T-1", jurisdiction: try Jurisdiction("430102001"), name: "测试"))
        return path
    }

    @Test func anAccountIsAddedOnlyWithAGoodFirstPasswordInsideTheTerminalsArea() async throws {
        let database = try await Self.terminalDatabase()
        let add = ["add", "clerk7", "--name", "经办员丙", "--role", "clerk"]
        let weak = try await Self.staff(add, database: database, input: "short\n")
        #expect(weak.status != 0)
        #expect(weak.output.contains("at least 8 characters"), "\(weak.output)")
        let noInput = try await Self.staff(add, database: database, input: "")
        #expect(noInput.status != 0)
        #expect(noInput.output.contains("No password"), "\(noInput.output)")
        let elsewhere = try await Self.staff(
            add + ["--jurisdiction", "110105001"], database: database, input: "first password\n")
        #expect(elsewhere.status != 0)
        #expect(elsewhere.output.contains("outside this terminal's jurisdiction"), "\(elsewhere.output)")
        #expect(try await Self.staff(["list"], database: database).standardOutput.isEmpty, "nothing was added")

        let added = try await Self.staff(add, database: database, input: "first password\n")
        #expect(added.status == 0, "\(added.output)")
        #expect(!added.output.contains("first password"))
        let list = try await Self.staff(["list"], database: database).standardOutput
        #expect(list == "clerk7\t经办员丙\tclerk\t430102001\tenabled, must change password\n")
        let again = try await Self.staff(add, database: database, input: "other password\n")
        #expect(again.status != 0)
        #expect(again.output.contains("already in use"), "\(again.output)")

        let missing = try await Self.staff(["list"], database: database + ".typo")
        #expect(missing.status != 0)
        #expect(!FileManager.default.fileExists(atPath: database + ".typo"))
    }

    @Test func eachChangeTakesEffectAtTheRunningServiceAndIsOnTheLedger() async throws {
        let database = try await Self.terminalDatabase()
        let service = try await ServiceProcess.start(database: database)
        try await withCleanup {
            let api = APIClient(port: service.port)
            _ = try await Self.staff(
                ["add", "clerk7", "--name", "经办员丙", "--role", "clerk"], database: database, input: "first password\n")

            #expect(
                try await Self.code(api.send("POST", "/api/staff/login", json: Self.login("first password")))
                    == "password-change-required")
            let changed = try await api.send(
                "POST", "/api/staff/password",
                json: ["id": "clerk7", "password": "first password", "newPassword": "clerk7's own"])
            #expect(changed.0 == 200)
            let clerk = try await api.login("clerk7", password: "clerk7's own")
            #expect(try await clerk.send("GET", "/api/applications").0 == 200)

            let disable = try await Self.staff(["disable", "clerk7"], database: database)
            #expect(disable.status == 0, "\(disable.output)")
            #expect(try await clerk.send("GET", "/api/applications").0 == 401, "a disabled account's session ends")
            #expect(
                try await Self.code(api.send("POST", "/api/staff/login", json: Self.login("clerk7's own")))
                    == "staff-disabled")
            #expect(try await Self.staff(["enable", "clerk7"], database: database).status == 0)
            let again = try await api.login("clerk7", password: "clerk7's own")

            let reset = try await Self.staff(["passwd", "clerk7"], database: database, input: "reset password\n")
            #expect(reset.status == 0, "\(reset.output)")
            #expect(try await again.send("GET", "/api/applications").0 == 401, "a reset ends open sessions")
            #expect(
                try await Self.code(api.send("POST", "/api/staff/login", json: Self.login("reset password")))
                    == "password-change-required")
            #expect(
                try await Self.staff(["passwd", "nobody"], database: database, input: "reset password\n").status != 0)

            let actions = try await SQLiteKioskStore(path: database, ledgerKey: nil).ledger(from: 1, limit: 100)
                .filter { $0.subject == "staff:clerk7" && $0.actor.hasPrefix("admin:") }.map(\.action)
            #expect(actions == ["staff.added", "staff.disabled", "staff.enabled", "staff.password-reset"])

        } cleanup: {
            try await service.kill()
        }
    }

    static func login(_ password: String) -> [String: String] { ["id": "clerk7", "password": password] }

    /// The error code of a refused call.
    static func code(_ reply: (Int, Data)) throws -> String? {
        (try JSONSerialization.jsonObject(with: reply.1) as? [String: Any])?["code"] as? String
    }
}
