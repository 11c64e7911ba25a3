/// Something about a terminal a technician should see to, with the fix in plain words: for a device
/// the terminal's diagnostics' own fix, which came in its heartbeat.
public struct FleetAlert: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case paperOut = "paper-out"
        case paperLow = "paper-low"
        /// Toner, ink or ribbon used up.
        case supplyOut = "supply-out"
        case supplyLow = "supply-low"
        case readerMissing = "reader-missing"
        /// Any other device that is not working (a jam, an open cover, a stopped queue, a broken reader).
        case deviceFault = "device-fault"
        case outboxBacklog = "outbox-backlog"
        case noHeartbeat = "no-heartbeat"
        case clockSkew = "clock-skew"
    }

    public var kind: Kind
    /// The reader or printer queue it is about; nil for the terminal as a whole.
    public var device: String?
    public var fix: String

    public init(_ kind: Kind, device: String? = nil, fix: String) {
        self.kind = kind
        self.device = device
        self.fix = fix
    }
}
