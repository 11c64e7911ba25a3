/// A day of the Gregorian calendar as the card writes it (issue, expiry and birth dates): no time,
/// no time zone, so a birth date never shifts by a day when a machine's zone changes.
///
/// On the card it is 4 bytes of BCD, `YYYYMMDD`; in JSON it is `"YYYY-MM-DD"`.
public struct CardDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Refuses days that the calendar does not have, such as 30 February or 29 February 2100.
    public init(year: Int, month: Int, day: Int) throws(CardDataError) {
        guard (1...9999).contains(year) else { throw .invalidDate("the year \(year) is outside 0001-9999") }
        guard (1...12).contains(month) else { throw .invalidDate("there is no month \(month)") }
        guard (1...Self.daysIn(month: month, year: year)).contains(day) else {
            throw .invalidDate("month \(month) of \(year) has no day \(day)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses eight digits `YYYYMMDD`, the form inside ID numbers and card fields.
    public init(yyyymmdd text: String) throws(CardDataError) {
        let digits = text.utf8
        guard digits.count == 8, digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .invalidDate("expected 8 digits YYYYMMDD")
        }
        func number(_ range: Range<Int>) -> Int {
            digits.dropFirst(range.lowerBound).prefix(range.count).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        try self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    /// Parses `YYYY-MM-DD`.
    public init(iso text: String) throws(CardDataError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else {
            throw .invalidDate("expected YYYY-MM-DD")
        }
        try self.init(yyyymmdd: parts.joined())
    }

    /// Reads the card's 4-byte BCD form.
    public init(bcd bytes: some Collection<UInt8>) throws(CardDataError) {
        guard bytes.count == 4 else { throw .invalidDate("a card date has 4 bytes, not \(bytes.count)") }
        try self.init(yyyymmdd: try BCD.decode(bytes))
    }

    /// The card's 4-byte BCD form.
    public var bcd: [UInt8] {
        // Eight digits always fit four bytes.
        [year / 100, year % 100, month, day].map { UInt8(($0 / 10) << 4 | $0 % 10) }
    }

    /// `YYYYMMDD`.
    public var yyyymmdd: String { year.zeroPadded(width: 4) + month.zeroPadded(width: 2) + day.zeroPadded(width: 2) }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(year.zeroPadded(width: 4))-\(month.zeroPadded(width: 2))-\(day.zeroPadded(width: 2))"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Gregorian rule: every fourth year, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1-12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CardDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            try self.init(iso: try container.decode(String.self))
        } catch let error as CardDataError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
