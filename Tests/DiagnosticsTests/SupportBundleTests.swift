import Diagnostics
import Foundation
import KioskSQLite
import SocialSecurityCard
import TestSupport
import Testing
import Vocabulary

@Suite("Support bundle: versions, configuration and logs, with personal data and secrets removed")
struct SupportBundleTests {
    /// Every value in the rig's test-key file: master keys, PSAM keys, document signing keys.
    static func testKeyValues() throws -> [String] {
        func strings(_ value: Any) -> [String] {
            switch value {
            case let text as String: [text]
            case let object as [String: Any]: object.values.flatMap(strings)
            case let list as [Any]: list.flatMap(strings)
            default: []
            }
        }
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Repository.url("hardware/rig/test-keys.json")))
        // The file's prose ("purpose") is not a key: keys are hex of 16 digits or more.
        return strings(json).filter { $0.count >= 16 && $0.allSatisfy(\.isHexDigit) }
    }

    @Test("a bundle built from logs and configuration full of planted secrets holds none of them")
    func plantedSecretsAreRemoved() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = try await SyntheticCache.make(in: directory)
        let keys = try Self.testKeyValues()
        #expect(keys.count >= 10)
        let resident = cache.people[0]
        let pins = ["123456", "907153"]

        let log = directory.appendingPathComponent("service.log")
        try """
        2026-11-23T10:00:00Z info terminal service listening address=http://127.0.0.1:8080
        2026-11-23T10:01:00Z debug card read holder=\(resident.name) id=\(resident.idNumber)
        2026-11-23T10:01:01Z debug POST /api/session/pin body={"pin":"\(pins[0])"}
        2026-11-23T10:01:02Z debug PIN change old_pin=\(pins[0]) new_pin=\(pins[1])
        2026-11-23T10:01:03Z debug key loaded UK-SSSE \(keys[0]) and \(keys[1].lowercased())
        2026-11-23T10:01:04Z debug request Authorization: Bearer c2Vzc2lvbi10b2tlbg.abc
        2026-11-23T10:01:05Z info printed receipt for \(cache.people[1].name) (\(cache.people[1].idNumber))
        2026-11-23T10:01:06Z info printer rig-a4 idle

        """.write(to: log, atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("sskiosk.conf")
        try """
        database = /var/lib/sskiosk/terminal.sqlite
        centre = https://centre.example:8443
        centre_password = hunter2-secret
        printer = ipp://admin:s3cretpass@printer.local/ipp/print
        keys = \(keys.suffix(3).joined(separator: ","))
        document_signing_key: "\(keys.last!)"

        """.write(to: config, atomically: true, encoding: .utf8)
        let report = #"{"status":"pass","checks":[{"name":"cache","cause":"intact, holder \#(resident.idNumber)"}]}"#

        let bundle = SupportBundle(
            report: report, versions: ["sskiosk": "0.1.0", "kernel": "Linux test"], configuration: [config.path],
            logs: [log.path, directory.appendingPathComponent("absent.log").path],
            redactor: await Redactor.removingNames(inCache: cache.path, read: SQLiteKioskStore.names(inCacheAt:)))
        let output = directory.appendingPathComponent("bundle.tar.gz")
        let files = try await bundle.write(to: output)
        #expect(files.contains("diagnostics.json") && files.contains("versions.txt") && files.contains("missing.txt"))
        #expect(files.contains("logs\(log.path)") && files.contains("configuration\(config.path)"))
        #expect(
            try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? Int == 0o600,
            "the bundle is its maker's alone, whatever the umask")

        let extracted = directory.appendingPathComponent("extracted")
        try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: true)
        let untar = try await CommandRun.run(["/usr/bin/tar", "-xzf", output.path, "-C", extracted.path])
        #expect(untar.status == 0, "\(untar.output)")
        var text = ""
        let walker = FileManager.default.enumerator(at: extracted, includingPropertiesForKeys: nil)!
        for case let url as URL in walker where !url.hasDirectoryPath {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        #expect(!text.isEmpty)

        let leftOver = validIDNumbers(in: text)
        #expect(leftOver.isEmpty, "ID numbers left: \(leftOver.map { MaskedIDNumber($0).text })")
        for person in cache.people { #expect(!text.contains(person.name), "a name was left in the bundle") }
        for pin in pins { #expect(!text.contains(pin), "a PIN was left in the bundle") }
        for key in keys {
            #expect(!text.uppercased().contains(key.uppercased()), "a test key was left in the bundle")
        }
        for secret in ["hunter2-secret", "s3cretpass", "c2Vzc2lvbi10b2tlbg"] {
            #expect(!text.contains(secret), "\(secret) was left in the bundle")
        }
        // What support needs is still there: masked numbers, the harmless lines, the report and versions.
        #expect(text.contains(MaskedIDNumber(resident.idNumber).text))
        #expect(text.contains("printer rig-a4 idle"))
        #expect(text.contains("centre = https://centre.example:8443"))
        #expect(text.contains("sskiosk: 0.1.0"))
        #expect(text.contains(#""name":"cache""#))
        #expect(text.contains("absent.log"))
    }

    @Test("keys, tokens and key sets stay out of the bundle, and no PEM block, card number, phone or name survives")
    func secretFilesAndPersonalDataStayOut() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func file(_ name: String, _ text: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        // A real private key, made here, planted three ways: its own file, pasted into the
        // configuration, and cut short at the end of a log's tail.
        let keyFile = directory.appendingPathComponent("terminal.key").path
        let made = try await CommandRun.run([
            "/usr/bin/openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
            "ec_paramgen_curve:P-256", "-out", keyFile,
        ])
        #expect(made.status == 0, "\(made.output)")
        let pem = try String(contentsOfFile: keyFile, encoding: .utf8)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }
        #expect(!body.isEmpty)
        let configuration = [
            keyFile,
            try file("centre.token", "c2VjcmV0LXRva2VuLWZvci10aGUtY2VudHJl\n"),
            try file("test-keys.json", #"{"masters": {"UK-SSSE": "00112233445566778899AABBCCDDEEFF"}}"#),
            try file("centre-client.pem", pem),
            try file("notes.txt", "an unknown kind of file\n"),
            try file("sskiosk.conf", "listen = 127.0.0.1:8080\ntls_key_inline = \"\"\"\n\(pem)\"\"\"\n"),
        ]
        let log = try file(
            "service.log",
            """
            info desk card 卡号 AI666666X read; replacement HA1046924 queued
            info resident called from 138 0013 8000, then +86 139-1234-5678, office 028-85501234
            info old ID 430102850714123 and spaced 430102 19850714 123X and 4301 0219 8507 1412 3X
            info walk-in name=欧阳娜娜 holder: "买买提·艾力" 姓名：李四
            info printer rig-a4 idle
            \(pem.prefix(pem.count / 2))
            """)
        let bundle = SupportBundle(
            report: #"{"checks":[{"name":"card"}]}"#, versions: ["sskiosk": "0.1.0"],
            configuration: configuration, logs: [log], redactor: Redactor(names: []))
        let output = directory.appendingPathComponent("bundle.tar.gz")
        let files = try await bundle.write(to: output)
        #expect(files.contains("configuration\(directory.path)/sskiosk.conf"))
        #expect(!files.contains { $0.hasSuffix(".key") || $0.hasSuffix(".token") || $0.hasSuffix("keys.json") })
        #expect(!files.contains { $0.hasSuffix(".pem") || $0.hasSuffix("notes.txt") })
        #expect(files.contains("left-out.txt"))

        let extracted = directory.appendingPathComponent("extracted")
        try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: true)
        #expect(try await CommandRun.run(["/usr/bin/tar", "-xzf", output.path, "-C", extracted.path]).status == 0)
        var text = ""
        for case let url as URL in FileManager.default.enumerator(at: extracted, includingPropertiesForKeys: nil)!
        where !url.hasDirectoryPath {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        for line in body { #expect(!text.contains(line), "a line of the private key was left") }
        #expect(!text.contains("BEGIN PRIVATE KEY"))
        for secret in [
            "c2VjcmV0LXRva2VuLWZvci10aGUtY2VudHJl", "00112233445566778899AABBCCDDEEFF", "AI666666X", "HA1046924",
            "138 0013 8000", "139-1234-5678", "85501234", "430102850714123", "19850714", "8507 1412", "欧阳娜娜",
            "买买提", "李四",
        ] {
            #expect(!text.contains(secret), "\(secret) was left in the bundle")
        }
        #expect(text.contains("terminal.key (its name says it holds a secret"))
        #expect(text.contains("notes.txt (not a configuration file"))
        #expect(text.contains("printer rig-a4 idle"))
        #expect(text.contains("listen = 127.0.0.1:8080"))
        #expect(text.contains("4301**********123X"))
        #expect(text.contains(#""name":"card""#))
    }

    @Test("masking leaves no 18-character number behind, valid check character or not")
    func anyIDLikeRunIsMasked() {
        let redactor = Redactor(names: [])
        let text = redactor.redact("a 43010219850714123X b 430102198507141231 c 1234567890123456789 d")
        #expect(text == "a 4301**********123X b 4301**********1231 c [hex] d")
    }
}
