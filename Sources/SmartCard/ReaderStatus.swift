import CPCSCLite
import HexCoding

/// What pcscd knows about one reader at one moment, without connecting to its card.
///
/// Reading the state does not power or touch the card, so it is safe while another program is
/// in the middle of a transaction, and it tells apart what a failed connect cannot: an empty
/// slot, a mute card (inserted the wrong way round, dirty contacts) and a reader held exclusively.
public struct ReaderStatus: Hashable, Sendable {
    public var reader: String
    public var state: State
    /// The card's answer to reset as pcscd last read it; empty when there is no card or it is mute.
    public var atr: [UInt8]

    public init(reader: String, state: State, atr: [UInt8]) {
        self.reader = reader
        self.state = state
        self.atr = atr
    }

    /// pcsc-lite's `SCARD_STATE_*` bits for a reader.
    public struct State: OptionSet, Hashable, Sendable {
        public let rawValue: UInt32

        public init(rawValue: UInt32) {
            self.rawValue = rawValue
        }

        /// pcscd cannot talk to the reader (unplugged, or its driver failed).
        public static let unavailable = Self(rawValue: UInt32(SCARD_STATE_UNAVAILABLE))
        public static let empty = Self(rawValue: UInt32(SCARD_STATE_EMPTY))
        public static let present = Self(rawValue: UInt32(SCARD_STATE_PRESENT))
        /// Another program has connected to the card exclusively.
        public static let exclusive = Self(rawValue: UInt32(SCARD_STATE_EXCLUSIVE))
        /// Some program is connected to the card (shared).
        public static let inUse = Self(rawValue: UInt32(SCARD_STATE_INUSE))
        /// A card is there but gave no answer to reset.
        public static let mute = Self(rawValue: UInt32(SCARD_STATE_MUTE))
        public static let unpowered = Self(rawValue: UInt32(SCARD_STATE_UNPOWERED))

        /// The bits a person cares about, named, in a fixed order.
        public var names: [String] {
            let named: [(Self, String)] = [
                (.unavailable, "unavailable"), (.empty, "empty"), (.present, "card present"), (.mute, "mute"),
                (.unpowered, "unpowered"), (.exclusive, "exclusive"), (.inUse, "in use"),
            ]
            return named.filter { contains($0.0) }.map(\.1)
        }
    }
}

extension ReaderStatus: CustomStringConvertible {
    public var description: String {
        let state = self.state.names.joined(separator: ", ")
        return atr.isEmpty ? "\(reader): \(state)" : "\(reader): \(state), ATR \(atr.hexString)"
    }
}
