/// Which configuration file a role reads: its default path, where no file means no settings from
/// a file, or a file named with `--config`, which must be there.
public struct SettingsFile: Sendable, Hashable {
    public let path: String
    /// Named by the user, so its absence is an error.
    public let isNamed: Bool

    /// The file named with `--config` when there is one, else the role's default path.
    public init(named: String?, standard: String) {
        path = named ?? standard
        isNamed = named != nil
    }
}
