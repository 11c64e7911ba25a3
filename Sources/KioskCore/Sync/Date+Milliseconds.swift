import Foundation

extension Date {
    /// Milliseconds since 1970, rounded as ``LedgerEntry`` rounds them: instants are stored and sent
    /// in this form so that range queries compare integers and a date read back equals the one written.
    public var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(milliseconds: Int64) { self.init(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// The same instant cut to whole milliseconds, the precision the stores and the wire keep.
    public var wholeMilliseconds: Date { Date(milliseconds: milliseconds) }
}
