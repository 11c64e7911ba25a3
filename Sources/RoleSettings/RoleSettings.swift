/// A role's effective settings: each from the command line's flags, else the environment
/// (`SSKIOSK_…`), else the role's configuration file, else the built-in default; with where each
/// came from, so that `config check` can say so.
public struct RoleSettings: Sendable {
    /// Where a value came from, highest precedence first.
    public enum Origin: String, Sendable, CaseIterable {
        case flag
        case environment
        case file
        case standard = "default"
    }

    /// The settings the role knows, in the order they are shown.
    public let known: [Setting]
    /// The configuration file that was read; nil when there was none (its default path is empty).
    public let file: String?
    /// The value of each setting that has one, by key.
    public let values: [String: SettingValue]
    /// Where each value came from, by key.
    public let origins: [String: Origin]

    public init(known: [Setting], file: String?, values: [String: SettingValue], origins: [String: Origin]) {
        self.known = known
        self.file = file
        self.values = values
        self.origins = origins
    }

    public func text(_ setting: Setting) -> String? {
        guard case .text(let text) = values[setting.key] else { return nil }
        return text
    }

    public func wholeNumber(_ setting: Setting) -> Int? {
        guard case .wholeNumber(let number) = values[setting.key] else { return nil }
        return number
    }

    public func number(_ setting: Setting) -> Double? {
        guard case .number(let number) = values[setting.key] else { return nil }
        return number
    }

    /// Whether an on/off setting is on; off when nothing set it.
    public func isOn(_ setting: Setting) -> Bool { values[setting.key] == .onOff(true) }

    /// The effective settings, a line each: `key = value (origin)`. A secret's setting is the path
    /// of its file, never the secret, so every line may be shown.
    public var lines: [String] {
        known.compactMap { setting in
            guard let value = values[setting.key], let origin = origins[setting.key] else { return nil }
            return "\(setting.key) = \(value) (\(origin.rawValue))"
        }
    }
}
