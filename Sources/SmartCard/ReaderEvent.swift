import HexCoding

/// A change seen by ``ReaderMonitor``.
public enum ReaderEvent: Hashable, Sendable, CustomStringConvertible {
    case readerAdded(String)
    case readerRemoved(String)
    /// A card is in `reader`; `atr` is empty for a mute card.
    case cardInserted(reader: String, atr: [UInt8])
    case cardRemoved(reader: String)
    /// pcscd went away. Every reader and card known before has been reported removed, because
    /// nothing can be known of them until the daemon is back; the monitor reconnects by itself.
    case serviceLost
    /// pcscd answers again; the readers and cards present now follow as added and inserted.
    case serviceRestored

    public var description: String {
        switch self {
        case .readerAdded(let r): "reader added: \(r)"
        case .readerRemoved(let r): "reader removed: \(r)"
        case .cardInserted(let r, let atr): "card inserted: \(r) ATR \(atr.hexString)"
        case .cardRemoved(let r): "card removed: \(r)"
        case .serviceLost: "smart-card service lost"
        case .serviceRestored: "smart-card service restored"
        }
    }
}
