/// A position in the centre's change sequence: every row the centre writes takes the next number,
/// and a terminal that has a cursor has every change up to it. Opaque to terminals (a decimal
/// string on the wire).
public struct SyncCursor: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var sequence: Int64

    public init(_ sequence: Int64) { self.sequence = sequence }

    /// Nil for anything a centre did not hand out; the empty string is the start.
    public init?(_ text: String) {
        if text.isEmpty {
            self.init(0)
            return
        }
        guard let sequence = Int64(text), sequence >= 0 else { return nil }
        self.init(sequence)
    }

    public static let start = SyncCursor(0)

    public var description: String { String(sequence) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.sequence < rhs.sequence }
}
