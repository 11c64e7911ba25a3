import Vocabulary

/// A citizen ID number (公民身份号码, GB 11643-1999), which is also the social security number of
/// card item 08: region code (6 digits), birth date (8), sequence (3, odd for men, even for
/// women), check character (ISO 7064 MOD 11-2).
///
/// Printing one, interpolating it into a string, `dump` and the debugger all show it masked
/// (`4301**********1234`); the full number is only reachable through ``unmaskedValue``, so it
/// reaches a log, an error or a receipt only where someone wrote that word.
///
/// The region code is checked only down to the province: a number keeps the code of the county
/// where it was first issued, which may since have been abolished or renamed.
public struct IDNumber: Hashable, Sendable {
    /// All 18 characters, with an upper-case X. Handle with care: this is personal data.
    public let unmaskedValue: String
    /// The birth date in digits 7-14: a real date, not after the `today` it was parsed with.
    public let birthDate: CardDate

    /// Validates `text`: 18 characters (a lower-case x is accepted and stored upper-case), a known
    /// province, a real birth date not after `today`, and a matching check character.
    ///
    /// With `convertingLegacy`, a 15-digit number of the first-generation ID card is accepted and
    /// converted: "19" goes before its two-digit birth year and the check character is computed.
    public init(_ text: String, today: CardDate, convertingLegacy: Bool = false) throws(CardDataError) {
        var digits = try Self.values(of: text, convertingLegacy: convertingLegacy)
        if digits.count == 15 {
            digits.insert(contentsOf: [1, 9], at: 6)
            digits.append(Self.checkValue(for: digits))
        }
        guard GB2260.provinces[Self.text(digits[0..<2])] != nil else { throw .idNumberProvince }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        guard let birthDate = try? CardDate(year: number(6..<10), month: number(10..<12), day: number(12..<14)) else {
            throw .idNumberBirthDate
        }
        guard birthDate <= today else { throw .idNumberBirthDateInFuture }
        guard Self.checkValue(for: digits[0..<17]) == digits[17] else { throw .idNumberCheckCharacter }
        self.init(digits: digits, birthDate: birthDate)
    }

    /// A number built from parts already known to be valid, as the synthetic generator does.
    init(regionCode: String, birthDate: CardDate, sequence: Int) {
        let body = Array((regionCode + birthDate.yyyymmdd + sequence.zeroPadded(width: 3)).utf8).map { Int($0 - 0x30) }
        self.init(digits: body + [Self.checkValue(for: body)], birthDate: birthDate)
    }

    private init(digits: [Int], birthDate: CardDate) {
        self.unmaskedValue = Self.text(digits)
        self.birthDate = birthDate
    }

    /// The region code where the number was first issued (digits 1-6).
    public var regionCode: String { String(unmaskedValue.prefix(6)) }

    /// The province's two-digit code (digits 1-2).
    public var provinceCode: String { String(unmaskedValue.prefix(2)) }

    /// Whether `code` is a province's two-digit code in GB/T 2260.
    public static func isProvince(_ code: String) -> Bool { GB2260.provinces[code] != nil }

    /// The province's name in GB/T 2260, such as 湖南省.
    public var provinceName: String { GB2260.provinces[provinceCode] ?? "" }

    /// The sequence code (digits 15-17), which tells men (odd) from women (even).
    public var sequence: Int { unmaskedValue.utf8.dropFirst(14).prefix(3).reduce(0) { $0 * 10 + Int($1 - 0x30) } }

    /// Male for an odd sequence code, female for an even one.
    public var sex: Sex { sequence % 2 == 1 ? .male : .female }

    /// The first four and last four characters with ten asterisks between: `4301**********1234`.
    public var masked: String { MaskedIDNumber(unmaskedValue).text }

    /// ISO 7064 MOD 11-2 over the first 17 digits, as an index into "10X98765432" (X is 10).
    static func checkValue(for body: some Collection<Int>) -> Int {
        checkValues[zip(body, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkValues = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The value of each character of `text` (X is 10), which must be a whole number of either length.
    private static func values(of text: String, convertingLegacy: Bool) throws(CardDataError) -> [Int] {
        let characters = text.asciiCharacters
        switch characters.count {
        case 18: break
        case 15 where convertingLegacy: break
        case 15: throw .idNumberLegacy
        default: throw .idNumberLength(characters.count)
        }
        var digits: [Int] = []
        digits.reserveCapacity(18)
        for (index, value) in characters.enumerated() {
            if (0x30...0x39).contains(value) {
                digits.append(Int(value - 0x30))
            } else if index == 17, value == UInt8(ascii: "X") || value == UInt8(ascii: "x") {
                digits.append(10)
            } else {
                throw .idNumberCharacter(position: index + 1)
            }
        }
        return digits
    }

    private static func text(_ digits: some Collection<Int>) -> String {
        String(decoding: digits.map { $0 == 10 ? UInt8(ascii: "X") : UInt8(0x30 + $0) }, as: UTF8.self)
    }
}

extension IDNumber: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The masked number.
    public var description: String { masked }

    public var debugDescription: String { "IDNumber(\(masked))" }

    /// Keeps the full number out of `dump` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked], displayStyle: .struct) }
}
