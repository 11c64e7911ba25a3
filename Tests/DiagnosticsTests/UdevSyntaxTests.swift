import Foundation
import TestSupport
import Testing

/// The rules files parse: with `udevadm verify` where this udevadm has it, with udev's own rule
/// loader (`udevadm test` in a private mount namespace) where that can run, and always with a
/// strict parser of the syntax.
@Suite struct UdevSyntaxTests {
    static let files = ["udev/60-sskiosk.rules", "udev/93-sskiosk-autosuspend.rules"]

    @Test(arguments: files) func ourRulesParse(_ file: String) throws {
        let rules = try UdevRuleParser.parse(try Repository.text(file))
        #expect(!rules.isEmpty)
    }

    @Test(arguments: [
        ("SUBSYSTEM=\"usb\", GROUP=\"sskiosk\"", "SUBSYSTEM cannot take ="),
        ("ATTR{idVendor}==\"257b\" GROUP=\"sskiosk\"", "expected a comma"),
        ("ATTR{idVendor}==\"257b\", MODE=\"0660", "no closing quote"),
        ("ATTR{idVendor}==\"257b\", MODE=\"rw-rw----\"", "not an octal mode"),
        ("ATTR{idVendor}==\"257b\", OWNERS=\"root\"", "unknown key OWNERS"),
        ("ATTR==\"257b\"", "ATTR needs {attribute}"),
        ("ATTR{idVendor}==257b", "not quoted"),
        ("ACTION==\"remove\", GOTO=\"nowhere\"", "GOTO \"nowhere\" has no LABEL"),
        ("ATTR{idVendor}==\"257b\", SYMLINK+=\"/dev/sskiosk/reader\"", "must be relative"),
        ("ATTR{idVendor}==\"257b\", \\", "ends in a continued line"),
    ])
    func brokenRulesAreRejectedWithTheirLine(rule: String, reason: String) {
        let text = "# a comment\n\n\(rule)"
        let error = #expect(throws: UdevRuleParser.SyntaxError.self) { try UdevRuleParser.parse(text) }
        #expect(error?.line == 3)
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func aContinuedLineIsOneRule() throws {
        let rules = try UdevRuleParser.parse("ATTR{idVendor}==\"257b\", \\\n  MODE=\"0660\"\n")
        #expect(rules.count == 1)
        #expect(rules.first?.value("MODE", op: "=") == "0660")
    }

    @Test func udevadmVerifyAcceptsOurRulesWhereItExists() async throws {
        guard let udevadm = Self.udevadm, try await CommandRun.run([udevadm, "verify", "--help"]).status == 0 else {
            print(
                "udevadm verify is not available here (it came with systemd 253; Debian 12 has 252); the parser and udevadm test cover the rules"
            )
            return
        }
        let result = try await CommandRun.run([udevadm, "verify"] + Self.files.map { Repository.url($0).path })
        #expect(result.status == 0, "\(result.output)")
    }

    /// udev's own loader reads the rules and logs every line it rejects, naming file and line. Run
    /// in a private mount namespace, with our files in place of /etc/udev/rules.d and an /etc/group
    /// that has the service's group, it changes nothing on this machine.
    @Test func udevsRuleLoaderAcceptsOurRulesAndRejectsABrokenOne() async throws {
        guard let complaints = try await Self.loaderComplaints(files: Self.files.map { ($0, try Repository.text($0)) })
        else {
            return
        }
        #expect(complaints.isEmpty, "\(complaints)")
        let broken = try await Self.loaderComplaints(files: [
            ("udev/60-sskiosk.rules", "SUBSYSTEM=\"usb\", ATTR{idVendor}==\"257b\", GROUP=\"sskiosk\"\n")
        ])
        #expect(broken?.contains { $0.contains("60-sskiosk.rules:1") } == true, "\(broken ?? [])")
    }

    private static var udevadm: String? {
        ["/usr/bin/udevadm", "/bin/udevadm"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The lines `udevadm test` logs about the given files, or nil (with a note) where it cannot run.
    private static func loaderComplaints(files: [(name: String, text: String)]) async throws -> [String]? {
        guard let udevadm, getuid() == 0, FileManager.default.fileExists(atPath: "/sys/class/net/lo"),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
        else {
            print("udevadm test needs udevadm, root, unshare and /sys/class/net/lo; covered by the parser only")
            return nil
        }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("rules.d")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(
                to: rules.appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent), atomically: true,
                encoding: .utf8)
        }
        let group = directory.appendingPathComponent("group")
        try (try String(contentsOfFile: "/etc/group", encoding: .utf8) + "sskiosk:x:64999:\n")
            .write(to: group, atomically: true, encoding: .utf8)
        let script = """
            mount --bind "$1" /etc/udev/rules.d && mount --bind "$2" /etc/group \
            && exec "$3" test --action=add /sys/class/net/lo
            """
        let result = try await CommandRun.run([
            "/usr/bin/unshare", "-m", "/bin/sh", "-c", script, "sh", rules.path, group.path, udevadm,
        ])
        guard result.output.contains("Reading rules file: /etc/udev/rules.d/") else {
            print("udevadm test could not run in a private mount namespace here: \(result.output.prefix(300))")
            return nil
        }
        let names = files.map { URL(fileURLWithPath: $0.name).lastPathComponent }
        return result.output.split(separator: "\n").map(String.init).filter { line in
            names.contains { line.contains("/etc/udev/rules.d/\($0):") }
        }
    }
}
