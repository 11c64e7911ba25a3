import Foundation
import TestSupport
import Testing

@Suite("sskiosk config check says what is wrong in plain words, or prints the settings in effect")
struct ConfigCheckCommandTests {
    /// A folder of its own for a test's files, removed after `body`.
    static func withFolder<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-check-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    static func sskiosk(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandRun {
        try await CommandRun.run([BuildFolder.executable("sskiosk")] + arguments, environment: environment)
    }

    @Test func theRigsFileIsGoodAndItsSettingsAreShownWithTheirOrigins() async throws {
        let run = try await Self.sskiosk(["config", "check", RigConfiguration.terminal])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.standardOutput.contains("residentReader = Virtual PCD 00 00 (file)"))
        #expect(run.standardOutput.contains("documentQueue = rig-a4 (file)"))
        #expect(run.standardOutput.contains("port = 8080 (default)"))
        #expect(run.standardOutput.contains("ledgerKey = /etc/sskiosk/ledger.key (default)"))
    }

    @Test func theEnvironmentOverridesTheFileAndTheDefaults() async throws {
        let run = try await Self.sskiosk(
            ["config", "check", RigConfiguration.terminal],
            environment: ["SSKIOSK_DOCUMENT_QUEUE": "township-a4", "SSKIOSK_PORT": "8181"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.standardOutput.contains("documentQueue = township-a4 (environment)"))
        #expect(run.standardOutput.contains("port = 8181 (environment)"))
    }

    @Test func everythingWrongWithABadFileIsNamedAndTheStatusIsNonZero() async throws {
        try await Self.withFolder { folder in
            let token = folder.appendingPathComponent("token")
            try Data("TOKEN-BYTES".utf8).write(to: token)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: token.path)
            let key = folder.appendingPathComponent("terminal.key")
            try PrivateFile.write(Data("KEY-BYTES".utf8), to: key)
            let file = folder.appendingPathComponent("terminal.json")
            try """
            {"residentReader": "Virtual PCD 00 00", "deskReadr": "Virtual PCD 00 00", "documentQueue": "a4",
             "port": "eighty", "centre": "https://centre.example:8443", "centreCA": "\(folder.path)/ca.pem",
             "centreCertificate": "\(folder.path)/ca.pem", "centreKey": "\(key.path)",
             "centreTokenFile": "\(token.path)", "password": "s3cret-value"}
            """.write(to: file, atomically: true, encoding: .utf8)
            let run = try await Self.sskiosk(["config", "check", "--role", "terminal", file.path])
            #expect(run.status != 0)
            let out = run.standardOutput
            #expect(
                out.contains("`deskReadr` in \(file.path) is not a setting of the terminal. Did you mean `deskReader`?")
            )
            #expect(out.contains("`port` from the file \(file.path) is not a whole number."))
            #expect(out.contains("`password` in the file \(file.path) looks like a secret written out"))
            #expect(out.contains("No desk's reader, where blank cards are personalised: set `deskReader`"))
            #expect(out.contains("No cupsd queue of the card printer: set `cardQueue`"))
            #expect(out.contains("SSKIOSK_CARD_QUEUE or --card-queue"))
            #expect(out.contains("has mode 0640") && out.contains("chmod 600 \(token.path)"))
            #expect(out.contains("`centreCA` names \(folder.path)/ca.pem, which cannot be read."))
            for secret in ["s3cret", "TOKEN-BYTES", "KEY-BYTES"] { #expect(!run.output.contains(secret)) }
        }
    }

    @Test func aGoodCentreFileShowsItsSecretsAsPathsOnly() async throws {
        try await Self.withFolder { folder in
            let key = folder.appendingPathComponent("centre.key")
            try PrivateFile.write(Data("CENTRE-KEY-BYTES".utf8), to: key)
            for name in ["centre.pem", "ca.pem"] {
                try Data("PEM".utf8).write(to: folder.appendingPathComponent(name))
            }
            let file = folder.appendingPathComponent("centre.json")
            try """
            {"certificate": "\(folder.path)/centre.pem", "key": "\(key.path)", "clientCA": "\(folder.path)/ca.pem",
             "port": 9443, "snapshotResumeLimit": 2500}
            """.write(to: file, atomically: true, encoding: .utf8)
            let run = try await Self.sskiosk(["config", "check", "--role", "centre", file.path])
            #expect(run.status == 0, "\(run.output)")
            #expect(run.standardOutput.contains("snapshotResumeLimit = 2500 (file)"))
            #expect(run.standardOutput.contains("key = \(key.path) (file)"))
            #expect(run.standardOutput.contains("port = 9443 (file)"))
            #expect(run.standardOutput.contains("snapshotLimit = 6 (default)"))
            #expect(!run.output.contains("CENTRE-KEY-BYTES"))
        }
    }

    @Test func aCentreWithoutItsKeyOrWithAPasswordInItsURLIsRefused() async throws {
        try await Self.withFolder { folder in
            let file = folder.appendingPathComponent("centre.json")
            try #"{"postgres": "postgres://sskiosk:pw@db/centre"}"#.write(to: file, atomically: true, encoding: .utf8)
            let run = try await Self.sskiosk(["config", "check", "--role", "centre", file.path])
            #expect(run.status != 0)
            #expect(run.standardOutput.contains("No centre's private key file (PEM): set `key`"))
            #expect(run.standardOutput.contains("`postgres` holds a password"))
            #expect(!run.output.contains("pw@"))
        }
    }

    @Test func aNamedFileThatIsNotThereIsAnError() async throws {
        let run = try await Self.sskiosk(["config", "check", "/nonexistent/terminal.json"])
        #expect(run.status != 0)
        #expect(run.standardOutput.contains("The configuration file /nonexistent/terminal.json does not exist."))
    }

    @Test func serveStopsOnABadFileBeforeItStarts() async throws {
        try await Self.withFolder { folder in
            let file = folder.appendingPathComponent("terminal.json")
            try #"{"residentReader": "R", "deskReader": "R", "documentQueue": "a4", "cardQueu": "card"}"#.write(
                to: file, atomically: true, encoding: .utf8)
            let database = folder.appendingPathComponent("terminal.sqlite").path
            let run = try await Self.sskiosk([
                "serve", "--config", file.path, "--database", database, "--ledger-key", "\(folder.path)/ledger.key",
            ])
            #expect(run.status != 0)
            #expect(run.output.contains("Did you mean `cardQueue`?"), "\(run.output)")
            #expect(run.output.contains("No cupsd queue of the card printer"))
            #expect(!FileManager.default.fileExists(atPath: database), "nothing touched")
        }
    }

    @Test func aFlagStandsInForWhatTheFileLacks() async throws {
        try await Self.withFolder { folder in
            let file = folder.appendingPathComponent("terminal.json")
            try #"{"residentReader": "R", "deskReader": "R", "documentQueue": "a4", "host": "0.0.0.0"}"#.write(
                to: file, atomically: true, encoding: .utf8)
            // The flag gives the missing queue; the file's network address is still refused, naming the flag.
            let run = try await Self.sskiosk([
                "serve", "--config", file.path, "--card-queue", "card", "--database", "/nonexistent/x.sqlite",
            ])
            #expect(run.status != 0)
            #expect(!run.output.contains("cardQueue"), "\(run.output)")
            #expect(run.output.contains("--host 0.0.0.0 would put the API on the network"))
        }
    }
}
