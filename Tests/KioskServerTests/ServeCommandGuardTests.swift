import Foundation
import TestSupport
import Testing

@Suite("sskiosk serve refuses to run in ways that expose the API or the card keys")
struct ServeCommandGuardTests {
    static func serve(_ arguments: [String]) async throws -> CommandRun {
        // A ledger key of its own: the service's default is the installed terminal's, under /etc.
        let key = FileManager.default.temporaryDirectory.appendingPathComponent("guard-\(UUID()).ledger.key").path
        defer { try? FileManager.default.removeItem(atPath: key) }
        return try await CommandRun.run(
            [BuildFolder.executable("sskiosk"), "serve", "--config", RigConfiguration.terminal, "--ledger-key", key]
                + arguments)
    }

    @Test(arguments: ["0.0.0.0", "192.168.1.20", "::"])
    func aNetworkAddressIsRefused(host: String) async throws {
        let run = try await Self.serve(["--host", host, "--database", "/nonexistent/never-created.sqlite"])
        #expect(run.status != 0)
        #expect(run.output.contains("plain HTTP"), "\(run.output)")
    }

    @Test func aSoftwareKeySetNeedsATestRig() async throws {
        let run = try await Self.serve(["--keys", "hardware/rig/test-keys.json", "--database", "/nonexistent/x.sqlite"])
        #expect(run.status != 0)
        #expect(run.output.contains("--test-rig"), "\(run.output)")
    }

    @Test func aCardProfileWithMistakesStopsTheServiceWithThemInPlainWords() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID()).json")
        try #"{"ssse": {"name": "SSSE", "aid": "7378", "files": []}, "keys": []}"#.write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try await Self.serve(["--profile", file.path, "--database", "/nonexistent/x.sqlite"])
        #expect(run.status != 0)
        #expect(run.output.contains("ssse.aid: \"7378\" is not 5 to 16 bytes of hex"), "\(run.output)")
    }

    @Test func aReaderOrAQueueNamedNowhereIsAClearError() async throws {
        let run = try await CommandRun.run([
            BuildFolder.executable("sskiosk"), "serve", "--config", "/dev/null/none.json", "--database",
            "/nonexistent/x.sqlite",
        ])
        #expect(run.status != 0)
        #expect(run.output.contains("The configuration file /dev/null/none.json does not exist."), "\(run.output)")
        for key in ["residentReader", "deskReader", "documentQueue", "cardQueue"] {
            #expect(run.output.contains("set `\(key)` in the configuration file"), "\(run.output)")
        }
    }

    @Test func demoStaffWithTheirPublicPasswordNeedTheDemo() async throws {
        let run = try await Self.serve([
            "--demo-staff", "--terminal-id", "T-1", "--jurisdiction", "430102001", "--database",
            "/nonexistent/x.sqlite",
        ])
        #expect(run.status != 0)
        #expect(run.output.contains("only with --demo"), "\(run.output)")
    }
}
