/// An amount of renminbi in fen (分), the unit every record of the centre uses.
///
/// Integer fen, never floating point: sums of thousands of monthly contributions must come out to
/// the fen, and totals printed on a statement must equal the centre's.
public struct Money: Hashable, Comparable, Sendable, Codable {
    /// The amount in fen; negative for refunds and corrections.
    public let fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    /// Whole yuan and fen, for data that arrives that way: `Money(yuan: 1234, fen: 56)` is ¥1,234.56.
    public init(yuan: Int64, fen: Int64 = 0) {
        self.fen = yuan * 100 + fen
    }

    public static let zero = Money(fen: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    /// The sum, or ``DocumentError/amountOverflow`` rather than a wrapped or trapped value.
    public static func sum(_ amounts: some Sequence<Money>) throws -> Money {
        var total: Int64 = 0
        for amount in amounts {
            let (next, overflow) = total.addingReportingOverflow(amount.fen)
            if overflow { throw DocumentError.amountOverflow }
            total = next
        }
        return Money(fen: total)
    }

    /// Yuan with thousands separators and two decimals, as Chinese statements print it: `1,234.56`.
    public var formatted: String {
        let magnitude = fen.magnitude
        let yuan = String(magnitude / 100)
        let cents = magnitude % 100
        var grouped = ""
        for (index, digit) in yuan.enumerated() {
            if index > 0, (yuan.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (fen < 0 ? "-" : "") + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}
