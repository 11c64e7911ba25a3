/// One setting of a role: its key in the role's configuration file, and the flag and environment
/// variable that override it. The flag and the variable are derived from the key, so that the three
/// names of one setting never drift apart.
public struct Setting: Sendable, Hashable {
    /// What a setting's value is, which decides how it is read and what `config check` checks.
    public enum Kind: Sendable, Hashable {
        /// Free text: a reader's or a queue's name, an address, an id.
        case text
        /// A whole number: a port, a count.
        case wholeNumber
        /// A number, seconds mostly.
        case number
        /// On or off; a flag can only turn it on.
        case onOff
        /// A file the role reads and that must be there (a certificate, a card profile).
        case file
        /// A file or folder the role makes when it is missing (a database, a journal).
        case place
        /// A file holding a secret (a key, a token): the setting names the file, never the secret,
        /// and the file must be private to its owner.
        case secretFile
        /// A secret file the role makes on its first start when it is missing (the ledger key).
        case secretFileMadeIfMissing
    }

    /// The key in the configuration file: `residentReader`.
    public let key: String
    public let kind: Kind
    /// The built-in default, the last level of precedence; nil when the product has none.
    public let standard: SettingValue?
    /// What the setting is for, in a few words.
    public let summary: String

    public init(_ key: String, _ kind: Kind, standard: SettingValue? = nil, _ summary: String) {
        self.key = key
        self.kind = kind
        self.standard = standard
        self.summary = summary
    }

    /// The command-line flag, as swift-argument-parser names a property: `--resident-reader`.
    public var flag: String { "--" + words.joined(separator: "-") }

    /// The environment variable, as swift-configuration's environment provider names the key
    /// under the `sskiosk` prefix: `SSKIOSK_RESIDENT_READER`.
    public var environmentVariable: String { (["sskiosk"] + words).joined(separator: "_").uppercased() }

    /// Whether the value names a file holding a secret.
    public var isSecret: Bool { kind == .secretFile || kind == .secretFileMadeIfMissing }

    /// The key's camel-case words, lower-cased: `centreCA` → centre, ca.
    private var words: [String] {
        var words: [String] = [""]
        var previous: Character?
        for character in key {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { words.append("") }
            words[words.count - 1].append(character)
            previous = character
        }
        return words.map { $0.lowercased() }
    }
}
