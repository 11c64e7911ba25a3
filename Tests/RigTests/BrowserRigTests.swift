import Foundation
import TestSupport
import Testing

extension RigTests {
    /// The kiosk's and the desk's pages in chromium on the rig (Tests/Browser, Python and
    /// selenium): this suite runs them and fails when they fail. The runner itself decides what
    /// a missing browser means: a failure under CI=true, a loud skip elsewhere.
    @Suite struct BrowserPages {
        @Test("the kiosk and desk pages pass their browser tests on the rig")
        func browserTests() async throws {
            let runner = URL(fileURLWithPath: Rig.script).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Tests/Browser/run")
            let result = try await CommandRun.run(
                ["/bin/bash", runner.path], environment: ["SSKIOSK_BIN": Rig.sskiosk])
            print(result.standardError)
            #expect(result.status == 0, "Tests/Browser/run failed:\n\(result.standardOutput)\(result.standardError)")
        }
    }
}
