import CPCSCLite

/// Transmission protocols a connection may use (ISO 7816-3 T=0, T=1, or raw).
public struct CardProtocols: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let t0 = CardProtocols(rawValue: 0x0001)
    public static let t1 = CardProtocols(rawValue: 0x0002)
    public static let raw = CardProtocols(rawValue: 0x0004)
    /// Let the reader pick T=0 or T=1 from the card's ATR: what a terminal normally wants.
    public static let any: CardProtocols = [.t0, .t1]

    public var description: String {
        var names: [String] = []
        if contains(.t0) { names.append("T=0") }
        if contains(.t1) { names.append("T=1") }
        if contains(.raw) { names.append("raw") }
        return names.isEmpty ? "none" : names.joined(separator: "|")
    }
}

/// How a connection shares the card with other programs.
public enum ShareMode: UInt32, Sendable {
    /// No other program may use the card while connected: what an issuance desk wants while writing.
    case exclusive = 0x0001
    case shared = 0x0002
    /// Talk to the reader itself; no card is needed.
    case direct = 0x0003
}

/// What happens to the card when a connection ends or reconnects.
public enum CardDisposition: UInt32, Sendable {
    case leave = 0x0000
    case reset = 0x0001
    case unpower = 0x0002
    case eject = 0x0003
}
