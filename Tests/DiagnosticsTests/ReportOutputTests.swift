import Diagnostics
import Foundation
import Testing

@Suite struct ReportOutputTests {
    static let report = DiagnosticsReport(
        checks: [
            CheckReport(
                name: "pcscd", category: .readers, result: .pass("pcscd answers", details: ["pid": 42]),
                durationMilliseconds: 1.5),
            CheckReport(
                name: "psam", category: .readers,
                result: .fail(
                    "no PSAM in its slot", fix: "Insert the PSAM",
                    details: [
                        "reader": "Virtual PCD 00 01", "latency": .number(0.25), "ok": false,
                        "slots": ["a", 1], "nested": ["key": "value"],
                    ]),
                durationMilliseconds: 3),
            CheckReport(
                name: "udev-rules", category: .permissions,
                result: .warn("uncatalogued reader", fix: "Add it to the catalogue"), durationMilliseconds: 0.5),
        ],
        durationMilliseconds: 12)

    @Test func textGroupsByCategoryAndGivesTheFixUnderEveryProblem() throws {
        let text = Self.report.text(colour: false)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Readers")
        #expect(lines.contains { $0.hasPrefix("  PASS  pcscd ") && $0.hasSuffix("pcscd answers") })
        let psam = try #require(lines.firstIndex { $0.contains("FAIL  psam") })
        #expect(lines[psam + 1].trimmingCharacters(in: .whitespaces) == "fix: Insert the PSAM")
        #expect(lines.contains("Permissions"))
        #expect(lines.filter { $0.contains("fix:") }.count == 2)
        #expect(lines.last == "FAIL (exit 2): 3 checks in 0.01 s, 1 pass, 1 warn, 1 fail")
        #expect(!text.contains("\u{1B}"))
    }

    @Test func colourIsOnlyAddedWhenAsked() {
        let text = Self.report.text(colour: true)
        #expect(text.contains("\u{1B}[32mPASS\u{1B}[0m"))
        #expect(text.contains("\u{1B}[31;1mFAIL\u{1B}[0m"))
        #expect(text.contains("\u{1B}[33mWARN\u{1B}[0m"))
    }

    @Test func jsonCarriesStatusExitCodeAndDetailsAndReadsBack() throws {
        let json = Self.report.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "fail")
        #expect(object["exitCode"] as? Int == 2)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["name"] as? String } == ["pcscd", "psam", "udev-rules"])
        #expect(checks[0]["fix"] == nil)
        #expect(checks[1]["fix"] as? String == "Insert the PSAM")
        #expect(checks[1]["category"] as? String == "readers")
        let decoded = try JSONDecoder().decode(DiagnosticsReport.self, from: Data(json.utf8))
        #expect(decoded == Self.report)
    }
}
