/// The card number (卡号, item 07): nine characters, eight letters or digits and a check character.
///
/// Check character *(unverified)*: the V2.0 data-item notice puts the rule in its annex A, which
/// could not be read here. This is the MOD 11 rule of GB 11714 (organisation codes), which has
/// the same shape (eight characters and one check character): digits count as 0-9 and letters A-Z
/// as 10-35, weighted 3 7 9 10 5 8 4 2 from the left; the check is 11 minus the sum modulo 11,
/// written X for 10 and 0 for 11. It agrees with the card number in a public APDU trace of a real
/// card (gdgly/SI_3rdCard, docs/加密机方式指令流.txt); a test card in another trace of the same
/// repository does not follow it. Confirm it against annex A before refusing cards with it.
public struct CardNumber: Hashable, Sendable, CustomStringConvertible {
    /// The nine characters, letters upper-case.
    public let value: String

    /// Validates `text` as the desk writes it: nine characters, letters (either case) and digits,
    /// the last one matching the check rule.
    public init(_ text: String) throws(CardDataError) {
        try self.init(reading: text)
        guard followsCheckRule else { throw .cardNumberCheckCharacter }
    }

    /// Reads `text` as a card holds it: nine letters (either case) and digits, the last a digit or
    /// X. The check character is not enforced, because its rule is unverified and real cards are
    /// seen that do not follow it (`AI666666X` in gdgly/SI_3rdCard's docs/EgAPP-20180611.log, where
    /// the rule wants 1): ``followsCheckRule`` says whether it does, for a warning.
    public init(reading text: String) throws(CardDataError) {
        let characters = text.uppercased().asciiCharacters
        guard characters.count == 9 else { throw .cardNumberLength(characters.count) }
        for (index, character) in characters.prefix(8).enumerated() where Self.value(of: character) == nil {
            throw .cardNumberCharacter(position: index + 1)
        }
        guard characters[8] == UInt8(ascii: "X") || Self.value(of: characters[8]).map({ $0 < 10 }) == true else {
            throw .cardNumberCharacter(position: 9)
        }
        value = String(decoding: characters, as: UTF8.self)
    }

    /// Whether the last character is the one the (unverified) MOD 11 rule computes.
    public var followsCheckRule: Bool {
        value.utf8.last == Self.checkCharacter(for: value.utf8.prefix(8))
    }

    /// A card number from eight characters already known to be letters A-Z or digits, with its
    /// check character appended.
    init(body: String) {
        value = body + String(decoding: [Self.checkCharacter(for: body.utf8)], as: UTF8.self)
    }

    public var description: String { value }

    private static let weights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// The ASCII check character of eight letters A-Z or digits.
    private static func checkCharacter(for body: some Sequence<UInt8>) -> UInt8 {
        let sum = zip(body, weights).reduce(0) { $0 + (value(of: $1.0) ?? 0) * $1.1 }
        return switch 11 - sum % 11 {
        case 10: UInt8(ascii: "X")
        case 11: UInt8(ascii: "0")
        case let digit: UInt8(0x30 + digit)
        }
    }

    /// 0-9 for the ASCII digits, 10-35 for the letters A-Z.
    private static func value(of ascii: UInt8) -> Int? {
        switch ascii {
        case 0x30...0x39: return Int(ascii - 0x30)
        case 0x41...0x5A: return Int(ascii - 0x41) + 10
        default: return nil
        }
    }
}
