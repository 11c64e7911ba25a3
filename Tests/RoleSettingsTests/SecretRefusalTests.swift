import Foundation
import RoleSettings
import TestSupport
import Testing

@Suite("Secrets are paths of files, never values in the configuration")
struct SecretRefusalTests {
    static let key = Setting("centreKey", .secretFile, "terminal's private key")
    static let token = Setting("centreTokenFile", .secretFile, "bearer token")
    static let ledger = Setting("ledgerKey", .secretFileMadeIfMissing, "ledger key")
    static let ca = Setting("centreCA", .file, "centre CA")
    static let known = [key, token, ledger, ca]

    static func read(_ json: String, environment: [String: String] = [:]) async throws -> (
        settings: RoleSettings, problems: [SettingsProblem]
    ) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return await RoleSettings.read(
            known, role: "terminal", flags: FlagValues(), environment: environment,
            file: SettingsFile(named: path, standard: path))
    }

    @Test(arguments: [
        #"{"centreKey": "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----"}"#,
        #"{"centreTokenFile": "3f9a0c1d2e4b5a6978877665544332211"}"#,
        #"{"password": "hunter2-secret"}"#,
        #"{"adminToken": "3f9a0c1d2e4b5a69"}"#,
        #"{"pin": 123456}"#,
    ])
    func aSecretWrittenOutIsRefusedWithoutRepeatingIt(json: String) async throws {
        let (settings, problems) = try await Self.read(json)
        #expect(problems.map(\.code) == [.secretValue])
        let message = problems.first?.message ?? ""
        #expect(message.contains("chmod 600"))
        for fragment in ["MC4CAQ", "3f9a0c", "hunter2", "123456"] { #expect(!message.contains(fragment)) }
        #expect(settings.text(Self.key) == nil && settings.text(Self.token) == nil)
    }

    @Test func aSecretInTheEnvironmentIsRefusedToo() async throws {
        let problems = try await Self.read("{}", environment: ["SSKIOSK_CENTRE_KEY": "MC4CAQAwBQYDK2VwBCIEI"]).problems
        #expect(problems.map(\.code) == [.secretValue])
        #expect(problems.first?.message.contains("SSKIOSK_CENTRE_KEY") == true)
    }

    @Test func pathsOfSecretFilesAreTaken() async throws {
        let (settings, problems) = try await Self.read(
            #"{"centreKey": "/etc/sskiosk/terminal.key", "centreTokenFile": "./token", "adminToken": "/etc/t"}"#)
        #expect(problems.map(\.code) == [.unknownKey], "an unknown key holding a path is only unknown")
        #expect(settings.text(Self.key) == "/etc/sskiosk/terminal.key")
        #expect(settings.text(Self.token) == "./token")
    }

    @Test func theFilesNamedAreCheckedWithoutShowingAByteOfThem() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("secret-files-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let loose = folder.appendingPathComponent("terminal.key")
        try Data("LOOSE-SECRET".utf8).write(to: loose)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: loose.path)
        let tight = folder.appendingPathComponent("token")
        try PrivateFile.write(Data("TIGHT-SECRET".utf8), to: tight)
        let json = """
            {"centreKey": "\(loose.path)", "centreTokenFile": "\(tight.path)",
             "ledgerKey": "\(folder.path)/ledger.key", "centreCA": "\(folder.path)/no-such-ca.pem"}
            """
        let (settings, problems) = try await Self.read(json)
        #expect(problems.isEmpty)
        let found = settings.fileProblems()
        #expect(found.map(\.code) == [.looseSecretFile, .unreadablePath], "a ledger key not yet made is fine")
        #expect(found.first?.message.contains("chmod 600 \(loose.path)") == true)
        #expect(found.last?.message.contains("no-such-ca.pem") == true)
        #expect(!found.map(\.message).joined().contains("SECRET"))
    }

    /// Root runs `config check` on an installed terminal whose ledger key the service account owns:
    /// that is how the service will find it, so it is no problem; another user's file still is.
    @Test func aSecretFileOfTheServiceAccountPassesTheCheckAsTheServiceWillJudgeIt() async throws {
        try #require(geteuid() == 0, "chown needs root, as CI runs")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("service-owned-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.key")
        try PrivateFile.write(Data("SERVICE-SECRET".utf8), to: ledger)
        let service: uid_t = 4242
        #expect(chown(ledger.path, service, 0) == 0)
        let (settings, _) = try await Self.read(#"{"ledgerKey": "\#(ledger.path)"}"#)
        #expect(settings.fileProblems(serviceUser: service).isEmpty)
        #expect(settings.fileProblems().map(\.code) == [.looseSecretFile])
        #expect(settings.fileProblems(serviceUser: service + 1).map(\.code) == [.looseSecretFile])
    }
}
