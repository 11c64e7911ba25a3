import CodedErrors

/// One thing wrong with a role's settings, in plain words for the technician who installs the
/// terminal or the centre: which setting, where it came from, and what to do.
public struct SettingsProblem: CodedError {
    public enum Code: Hashable, Sendable {
        /// The configuration file named with `--config` is not there.
        case noFile
        /// The file is not a JSON object of settings.
        case unreadableFile
        /// The file has a key this role does not know.
        case unknownKey
        /// A value is not of the setting's type.
        case wrongType
        /// A secret's value where the name of the file holding it belongs.
        case secretValue
        /// A setting the role cannot run without has no value.
        case missing
        /// Settings that contradict each other, or a value out of range.
        case invalid
        /// A secret file that group or others may read, or that is not the owner's.
        case looseSecretFile
        /// A file that is not there or cannot be read.
        case unreadablePath
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// A setting the role needs and nobody gave, with where to give it and `advice`.
    public static func missing(_ setting: Setting, _ advice: String) -> Self {
        Self(
            .missing,
            "No \(setting.summary): set `\(setting.key)` in the configuration file, \(setting.environmentVariable) "
                + "or \(setting.flag). \(advice)")
    }
}
