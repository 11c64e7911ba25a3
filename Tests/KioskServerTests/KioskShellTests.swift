import Foundation
import TestSupport
import Testing

/// The kiosk shell (package sskiosk-kiosk) without a screen: Tests/KioskShell/run starts the
/// terminal service and the package's launcher in cage's headless backend, and checks that the page
/// loads, that a killed Chromium, a frozen page and a dead page are recovered, that the screen turns
/// and that the policy blocks other addresses. This suite runs it and fails when it fails; the
/// runner decides what missing cage or chromium means: a failure under CI=true, a loud skip elsewhere.
/// `make test` runs it on its own, after the other unit tests, as Chromium wants both cores.
@Suite("The kiosk shell: Chromium in cage kept on the kiosk page")
struct KioskShellTests {
    @Test("the page loads; a killed Chromium, a frozen page and a dead page come back; other origins are blocked")
    func kioskShell() async throws {
        let runner = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("KioskShell/run")
        let result = try await CommandRun.run(
            ["/bin/bash", runner.path], environment: ["SSKIOSK_BIN": BuildFolder.executable("sskiosk")])
        print(result.standardOutput, result.standardError)
        #expect(result.status == 0, "Tests/KioskShell/run failed:\n\(result.standardOutput)\(result.standardError)")
    }
}
