/// The settings given on the command line, collected from a command's parsed options: an option
/// left out adds nothing, so that the environment, the file or the default decides it.
public struct FlagValues: Sendable {
    public private(set) var values: [String: SettingValue] = [:]

    public init() {}

    public mutating func add(_ setting: Setting, _ text: String?) { add(setting, text.map(SettingValue.text)) }

    public mutating func add(_ setting: Setting, _ number: Int?) { add(setting, number.map(SettingValue.wholeNumber)) }

    public mutating func add(_ setting: Setting, _ number: Double?) { add(setting, number.map(SettingValue.number)) }

    /// A flag that was given turns its setting on; one left out leaves it to the other levels.
    public mutating func add(_ setting: Setting, _ on: Bool) { add(setting, on ? SettingValue.onOff(true) : nil) }

    private mutating func add(_ setting: Setting, _ value: SettingValue?) {
        if let value { values[setting.key] = value }
    }
}
