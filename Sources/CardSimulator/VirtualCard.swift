/// The card side of a reader slot: what a card chip does when powered and spoken to.
///
/// Implementations are value types driven by one ``VpcdCardHandler`` at a time, so a card's
/// state machine needs no locking and is tested in-process exactly as it runs behind vpcd.
public protocol VirtualCard: Sendable {
    /// The answer to reset sent when the reader powers the card.
    var atr: [UInt8] { get }
    /// Power on or warm reset: volatile state (selected file, verified PIN, challenge) is lost.
    mutating func reset()
    /// Answers one command APDU with a response APDU (data and status word).
    mutating func respond(to command: [UInt8]) -> [UInt8]
}
