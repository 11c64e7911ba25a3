import Foundation
import TestSupport
import Testing

@Suite("sskiosk serve refuses to run in ways that expose the API or the card keys")
struct ServeCommandGuardTests {
    static func serve(_ arguments: [String]) async throws -> CommandRun {
        try await CommandRun.run([BuildFolder.executable("sskiosk"), "serve"] + arguments)
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
}
