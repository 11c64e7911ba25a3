/// Everything the code knows about a card's layout, as data: directories, files, items, keys.
///
/// A regional variant changes this value (or loads it from JSON) and nothing else. Both the
/// terminal side and the card simulator read it, so they cannot drift apart.
public struct CardProfile: Codable, Hashable, Sendable {
    /// The social security environment (SSSE) directory with EF05 to EF08.
    public var ssse: DirectoryProfile
    /// Whether `SELECT 3F00` must precede the SSSE (cards whose SSSE is a DF under the MF).
    public var selectMasterFileFirst: Bool
    /// The application DFs (DF01 common, DF02 employment, ...).
    public var applications: [DirectoryProfile]
    public var keys: [KeyReference]
    /// The PIN's length in digits; 6 on every card seen.
    public var pinLength: Int
    /// Tries before the PIN blocks.
    public var pinTries: Int
    /// How record files are read: by SFI (national) or by selecting each file (some regions).
    public var recordAccess: RecordAccess
    /// How external (and, where it goes with it, internal) authentication is made.
    public var authentication: AuthenticationScheme

    public init(
        ssse: DirectoryProfile,
        selectMasterFileFirst: Bool,
        applications: [DirectoryProfile],
        keys: [KeyReference],
        pinLength: Int,
        pinTries: Int,
        recordAccess: RecordAccess = .shortFileIdentifier,
        authentication: AuthenticationScheme = .challenge
    ) {
        self.ssse = ssse
        self.selectMasterFileFirst = selectMasterFileFirst
        self.applications = applications
        self.keys = keys
        self.pinLength = pinLength
        self.pinTries = pinTries
        self.recordAccess = recordAccess
        self.authentication = authentication
    }

    public func key(_ name: KeyName) -> KeyReference? { keys.first { $0.name == name } }

    /// The file and item holding `field` in the SSSE.
    public func item(_ field: DataItem.Field) -> (file: FileProfile, item: DataItem)? {
        for file in ssse.files {
            guard case .records(let items) = file.structure else { continue }
            if let item = items.first(where: { $0.field == field }) { return (file, item) }
        }
        return nil
    }
}
