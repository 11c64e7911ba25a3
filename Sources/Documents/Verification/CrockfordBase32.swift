/// Crockford's Base32: digits and letters without I, L, O and U, so a code read out over the phone
/// or typed from paper survives the usual confusions.
public enum CrockfordBase32 {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The low `5 × digits` bits of `value`, most significant first, in groups of four.
    public static func grouped(_ value: UInt64, digits: Int) -> String {
        var characters: [Character] = []
        for index in (0..<digits).reversed() {
            characters.append(alphabet[Int((value >> (5 * UInt64(index))) & 31)])
        }
        return stride(from: 0, to: characters.count, by: 4)
            .map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }

    /// `digits` random digits (at most 12: 60 bits), grouped as ``grouped(_:digits:)`` writes them:
    /// a one-time code or first password to read out or type.
    public static func random(digits: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return grouped(generator.next(), digits: digits)
    }

    /// A typed code made comparable: upper case, no separators, O read as 0 and I, L as 1.
    public static func normalised(_ code: String) -> String {
        String(
            code.uppercased().compactMap { character -> Character? in
                switch character {
                case "-", " ": nil
                case "O": "0"
                case "I", "L": "1"
                default: character
                }
            })
    }
}
