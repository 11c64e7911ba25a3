/// One device of a terminal as its heartbeat reports it, in one model for every kind of device,
/// named after CEN XFS4IoT's common status (`Common.Status.device`) so that a county's tools read
/// it as they read any XFS device. No personal data: a card's presence, never what is on it.
public struct DeviceStatus: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case cardReader
        case printer
    }

    /// XFS4IoT `Common.Status.device`.
    public enum State: String, Codable, Hashable, Sendable {
        /// Present and working.
        case online
        /// Not there, switched off or not answering.
        case offline
        /// Present but broken: it needs a technician.
        case hardwareError
        /// Present, but a person must act first: paper out, a jam, a cover open.
        case userError
        /// Working on something (a job printing).
        case busy
    }

    /// The reader's name as pcscd gives it, or the printer's queue.
    public var name: String
    public var kind: Kind
    public var state: State
    /// Card readers: whether a card is in the slot (XFS4IoT `CardReader.media` present or not).
    public var cardPresent: Bool?
    /// Printers: IPP `printer-state-reasons` keywords (`media-empty`, `media-jam`, `toner-low`…).
    public var stateReasons: [String]
    /// Printers: IPP `marker-names` and `marker-levels` (percent; -1 unknown), toner or ribbon.
    public var markerNames: [String]
    public var markerLevels: [Int]
    /// What a technician does about it, in the terminal's diagnostics' own words; nil when all is well.
    public var fix: String?

    public init(
        name: String, kind: Kind, state: State, cardPresent: Bool? = nil, stateReasons: [String] = [],
        markerNames: [String] = [], markerLevels: [Int] = [], fix: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.state = state
        self.cardPresent = cardPresent
        self.stateReasons = stateReasons
        self.markerNames = markerNames
        self.markerLevels = markerLevels
        self.fix = fix
    }

    /// The printer has no paper (or cards) left: IPP `media-empty` or `media-needed`.
    public var mediaEmpty: Bool { stateReasons.contains { ["media-empty", "media-needed"].contains($0) } }
    /// A sheet or card is stuck: IPP `media-jam`.
    public var mediaJam: Bool { stateReasons.contains("media-jam") }
}
