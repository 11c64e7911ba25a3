import Configuration
import Foundation
import SystemPackage

extension RoleSettings {
    /// Reads the settings `known` of the role called `role` through swift-configuration: `flags`
    /// (the values given on the command line, by key) over `environment`'s `SSKIOSK_…` variables
    /// over `file` over each setting's built-in default. Every problem found is returned, not only
    /// the first, so that one run of `config check` names them all; a setting with a problem has
    /// no value.
    public static func read(
        _ known: [Setting], role: String, flags: FlagValues, environment: [String: String],
        file: SettingsFile
    ) async -> (settings: RoleSettings, problems: [SettingsProblem]) {
        var problems: [SettingsProblem] = []
        var providers: [any ConfigProvider] = [
            InMemoryProvider(
                name: "flags",
                values: Dictionary(uniqueKeysWithValues: flags.values.map { (AbsoluteConfigKey([$0]), $1.configValue) })
            ),
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: ConfigKey(["sskiosk"])),
        ]
        let fileKeys = FileKeys()
        var fileRead: String?
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                providers.append(
                    try await FileProvider<JSONSnapshot>(
                        parsingOptions: .init(secretsSpecifier: .dynamic { fileKeys.note(key: $0, value: $1) }),
                        filePath: FilePath(file.path)))
                fileRead = file.path
            } catch {
                problems.append(
                    SettingsProblem(
                        .unreadableFile,
                        "The configuration file \(file.path) cannot be read as settings (\(error)): it must be "
                            + "one JSON object of keys and values, readable by this user."))
            }
        } else if file.isNamed {
            problems.append(SettingsProblem(.noFile, "The configuration file \(file.path) does not exist."))
        }
        if let fileRead {
            problems += unknownKeys(fileKeys.all, known: known, role: role, file: fileRead)
        }

        let origins = SettingOrigins()
        let reader = ConfigReader(providers: providers, accessReporter: origins)
        var values: [String: SettingValue] = [:]
        var valueOrigins: [String: Origin] = [:]
        for setting in known {
            let key = ConfigKey([setting.key])
            let value: SettingValue? =
                switch setting.kind {
                case .wholeNumber: reader.int(forKey: key).map(SettingValue.wholeNumber)
                case .number: reader.double(forKey: key).map(SettingValue.number)
                case .onOff: reader.bool(forKey: key).map(SettingValue.onOff)
                case .text, .file, .place, .secretFile, .secretFileMadeIfMissing:
                    reader.string(forKey: key, isSecret: setting.isSecret).map(SettingValue.text)
                }
            let outcome = origins.outcome(of: setting.key)
            let origin = outcome.map { [Origin.flag, .environment, .file][$0.provider] }
            let source = origin.map { describe($0, of: setting, file: fileRead) } ?? ""
            if let outcome, outcome.wrongType {
                problems.append(
                    SettingsProblem(.wrongType, "`\(setting.key)` from \(source) is not \(setting.kind.expected)."))
            } else if let value, let origin {
                if setting.isSecret && !SecretReference.isFileReference(value) {
                    problems.append(SecretReference.refusal(key: setting.key, source: source))
                } else {
                    values[setting.key] = value
                    valueOrigins[setting.key] = origin
                }
            } else if let standard = setting.standard {
                values[setting.key] = standard
                valueOrigins[setting.key] = .standard
            }
        }
        return (RoleSettings(known: known, file: fileRead, values: values, origins: valueOrigins), problems)
    }

    /// The file's keys that are no setting of the role: a secret written out, or a misspelling.
    private static func unknownKeys(
        _ keys: [String: any Sendable], known: [Setting], role: String, file: String
    ) -> [SettingsProblem] {
        let names = known.map(\.key)
        return keys.keys.sorted().filter { !names.contains($0) }.map { key in
            let raw = keys[key]
            let isReference = (raw as? String).map { SecretReference.isFileReference(.text($0)) } ?? false
            if SecretReference.looksSecret(key) && !isReference {
                return SecretReference.refusal(key: key, source: "the file \(file)")
            }
            let guess = NearestKey.to(key, among: names).map { " Did you mean `\($0)`?" } ?? ""
            return SettingsProblem(
                .unknownKey, "`\(key)` in \(file) is not a setting of the \(role).\(guess)")
        }
    }

    /// Where a setting's value came from, in words: `--port`, `SSKIOSK_PORT`, `the file /etc/…`.
    private static func describe(_ origin: Origin, of setting: Setting, file: String?) -> String {
        switch origin {
        case .flag: setting.flag
        case .environment: setting.environmentVariable
        case .file: "the file \(file ?? "")"
        case .standard: "the default"
        }
    }
}

extension SettingValue {
    /// The value as swift-configuration holds it, for the provider of the command line's flags.
    fileprivate var configValue: ConfigValue {
        switch self {
        case .text(let text): ConfigValue(.string(text), isSecret: false)
        case .wholeNumber(let number): ConfigValue(.int(number), isSecret: false)
        case .number(let number): ConfigValue(.double(number), isSecret: false)
        case .onOff(let on): ConfigValue(.bool(on), isSecret: false)
        }
    }
}

extension Setting.Kind {
    /// What a value of this kind is, in words, for a wrong type's message.
    fileprivate var expected: String {
        switch self {
        case .wholeNumber: "a whole number"
        case .number: "a number"
        case .onOff: "true or false"
        case .text: "text"
        case .file, .place, .secretFile, .secretFileMadeIfMissing: "a path, as text"
        }
    }
}
