import Foundation
import RoleSettings
import Testing

@Suite("A role's settings: flags over the environment over the file over the defaults")
struct RoleSettingsPrecedenceTests {
    static let reader = Setting("residentReader", .text, standard: .text("default reader"), "resident's reader")
    static let port = Setting("port", .wholeNumber, standard: .wholeNumber(8080), "port")
    static let idle = Setting("idleTimeout", .number, "idle timeout")
    static let demo = Setting("demo", .onOff, "demo data")
    static let known = [reader, port, idle, demo]

    /// Reads `known` from `json` in a file of its own (none when nil) as the file named or the default one.
    static func read(
        file json: String?, named: Bool = true, environment: [String: String] = [:], flags: FlagValues = FlagValues()
    ) async throws -> (settings: RoleSettings, problems: [SettingsProblem]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        if let json { try json.write(toFile: path, atomically: true, encoding: .utf8) }
        return await RoleSettings.read(
            known, role: "terminal", flags: flags, environment: environment,
            file: SettingsFile(named: named ? path : nil, standard: path))
    }

    static let file = #"{"residentReader": "file reader", "port": 9000, "idleTimeout": 30}"#

    @Test func theDefaultsStandWhenNothingElseSpeaks() async throws {
        let (settings, problems) = try await Self.read(file: nil, named: false)
        #expect(problems.isEmpty)
        #expect(settings.file == nil)
        #expect(settings.text(Self.reader) == "default reader")
        #expect(settings.wholeNumber(Self.port) == 8080)
        #expect(settings.origins["port"] == .standard)
        #expect(settings.number(Self.idle) == nil, "no default, no value")
        #expect(!settings.isOn(Self.demo))
    }

    @Test func theFileOverridesTheDefaults() async throws {
        let (settings, problems) = try await Self.read(file: Self.file)
        #expect(problems.isEmpty)
        #expect(settings.text(Self.reader) == "file reader")
        #expect(settings.wholeNumber(Self.port) == 9000)
        #expect(settings.number(Self.idle) == 30, "a whole number in the file is a number")
        #expect(settings.origins["residentReader"] == .file)
    }

    @Test func theEnvironmentOverridesTheFile() async throws {
        let (settings, problems) = try await Self.read(
            file: Self.file,
            environment: [
                "SSKIOSK_RESIDENT_READER": "environment reader", "SSKIOSK_DEMO": "true", "RESIDENT_READER": "x",
            ])
        #expect(problems.isEmpty)
        #expect(settings.text(Self.reader) == "environment reader")
        #expect(settings.origins["residentReader"] == .environment)
        #expect(settings.isOn(Self.demo))
        #expect(settings.wholeNumber(Self.port) == 9000, "what the environment does not set, the file still does")
    }

    @Test func flagsOverrideTheEnvironment() async throws {
        var flags = FlagValues()
        flags.add(Self.reader, "flag reader")
        flags.add(Self.port, 7000)
        flags.add(Self.demo, false)
        let (settings, problems) = try await Self.read(
            file: Self.file, environment: ["SSKIOSK_RESIDENT_READER": "environment reader", "SSKIOSK_PORT": "9100"],
            flags: flags)
        #expect(problems.isEmpty)
        #expect(settings.text(Self.reader) == "flag reader")
        #expect(settings.wholeNumber(Self.port) == 7000)
        #expect(settings.origins["port"] == .flag)
        #expect(settings.origins["demo"] == nil, "a flag left out leaves the setting to the levels below")
    }

    @Test func aMissingDefaultFileIsFineAMissingNamedFileIsNot() async throws {
        #expect(try await Self.read(file: nil, named: false).problems.isEmpty)
        let problems = try await Self.read(file: nil, named: true).problems
        #expect(problems.map(\.code) == [.noFile])
        #expect(problems.first?.message.contains("does not exist") == true)
    }

    @Test func aFileThatIsNoJSONObjectIsAProblem() async throws {
        #expect(try await Self.read(file: "port = 9000").problems.map(\.code) == [.unreadableFile])
    }

    @Test func aValueOfTheWrongTypeIsNamedWithItsSource() async throws {
        let fromFile = try await Self.read(file: #"{"port": "eighty"}"#)
        #expect(fromFile.problems.map(\.code) == [.wrongType])
        #expect(fromFile.problems.first?.message.contains("`port` from the file") == true)
        #expect(fromFile.settings.wholeNumber(Self.port) == nil, "a wrong value is no value, not the default")
        let fromEnvironment = try await Self.read(file: nil, named: false, environment: ["SSKIOSK_PORT": "abc"])
        #expect(fromEnvironment.problems.first?.message.contains("SSKIOSK_PORT is not a whole number") == true)
    }

    @Test func anUnknownKeyIsNamedWithTheKeyItProbablyMeant() async throws {
        let problems = try await Self.read(file: #"{"residentReadr": "x", "colour": "blue"}"#).problems
        #expect(problems.map(\.code) == [.unknownKey, .unknownKey])
        #expect(problems.contains { $0.message.contains("`colour`") && !$0.message.contains("Did you mean") })
        #expect(problems.contains { $0.message.contains("Did you mean `residentReader`?") })
    }
}
