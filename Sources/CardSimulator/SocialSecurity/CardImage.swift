import SmartCard
import SocialSecurityCard

/// Everything a simulated social security card keeps when it loses power: its files, PIN, try
/// counter, block flags and keys. Loaded from and saved to a JSON file, so a card "pulled" from the
/// rig and inserted again is the same card, with every write that reached it.
///
/// Only synthetic people and test keys belong in an image (../shared/CARD.md "Test identities").
public struct CardImage: Codable, Hashable, Sendable {
    public var generation: CardGeneration
    /// FCI tag 86 of the SSSE: 01 DES/3DES, 03 SM4.
    public var algorithm: UInt8
    /// T=0 cards answer `61xx` where T=1 cards send data at once.
    public var transmission: Transmission
    /// Whether the card answers `6Cxx` to any Le but the exact length, as some 1.0 cards do.
    public var exactLengthOnly: Bool
    /// Whether the SSSE is a DF under 3F00 that only a `SELECT 3F00` makes reachable.
    public var ssseUnderMasterFile: Bool
    /// File contents by path, e.g. "SSSE/EF05": TLV records, or a transparent file's bytes.
    public var files: [String: FileContent]
    /// The card's own (already diversified) keys by name. Test keys only.
    public var keys: [String: HexBytes]
    /// The PIN's digits. A simulated card keeps it, as a real chip does; the terminal never does.
    public var pin: String
    public var pinTries: Int
    public var pinTriesLeft: Int
    public var applicationBlocked: Bool
    public var cardBlocked: Bool

    public enum Transmission: String, Codable, Hashable, Sendable {
        case t0 = "T=0"
        case t1 = "T=1"
        /// ISO 14443-4 in a dual-interface reader's field: APDUs as on T=1, and an ATR that PC/SC
        /// synthesises from the ATS, which says nothing about social security.
        case contactless
    }

    public enum FileContent: Codable, Hashable, Sendable {
        case records([HexBytes])
        case transparent(HexBytes)
    }

    public init(
        generation: CardGeneration,
        algorithm: UInt8,
        transmission: Transmission,
        exactLengthOnly: Bool = false,
        ssseUnderMasterFile: Bool = true,
        files: [String: FileContent],
        keys: [String: HexBytes],
        pin: String,
        pinTries: Int
    ) {
        self.generation = generation
        self.algorithm = algorithm
        self.transmission = transmission
        self.exactLengthOnly = exactLengthOnly
        self.ssseUnderMasterFile = ssseUnderMasterFile
        self.files = files
        self.keys = keys
        self.pin = pin
        self.pinTries = pinTries
        self.pinTriesLeft = pinTries
        self.applicationBlocked = false
        self.cardBlocked = false
    }

    /// The path under which `file` of `directory` is kept.
    public static func path(_ directory: DirectoryProfile, _ fid: UInt16) -> String {
        "\(directory.name)/\(String(fid, radix: 16, uppercase: true))"
    }
}
