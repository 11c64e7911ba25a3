import Foundation
import SocialSecurityCard
import Vocabulary

/// Takes personal data and secrets out of text before it leaves the terminal in a support bundle.
///
/// What goes, whatever file it is in:
/// - PEM blocks (private keys, certificates), from `-----BEGIN` to `-----END` or to the end of a
///   truncated text, as `[pem block removed]`;
/// - ID numbers: any run of 17 digits and a digit or X, not inside a longer number, and the same
///   written in groups with spaces or dashes, masked (`4301**********1234`) whether or not its check
///   character is right; 15-digit first-generation numbers likewise;
/// - the names it is given (the cache's residents and staff), as `[name]`, and any name in Chinese
///   characters after a name label (`name=`, `holder:`, `"name":"`, `姓名：`), cached or not;
/// - card numbers (a letter and eight letters or digits, five of them digits at least), as `[card]`;
/// - mainland phone numbers (mobile, with or without +86 and separators; landline with area code), as `[phone]`;
/// - user and password in URLs (`ipp://user:secret@host`), and values of secret-looking settings (`pin`, `password`, `secret`, `token`, `key`, ... with `=`
///   or `:`, quoted or not) and bearer tokens, as `[redacted]`;
/// - runs of 16 or more hex digits (keys, key check values, hashes), as `[hex]`.
///
/// Over-redaction is the safe side: a support bundle loses little by a masked hash.
public struct Redactor: Sendable {
    /// Names to remove, longest first so a full name goes before a part of it.
    public let names: [String]

    public init(names: some Sequence<String>) {
        self.names = Set(names.filter { $0.count >= 2 }).sorted { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        var text = Self.pem.stringByReplacingMatches(
            in: text, range: Self.whole(text), withTemplate: "[pem block removed]")
        for name in names { text = text.replacingOccurrences(of: name, with: "[name]") }
        text = Self.labelledName.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "$1[name]")
        text = Self.userInfo.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "$1[redacted]@")
        text = Self.bearer.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "$1[redacted]")
        text = Self.setting.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "$1[redacted]")
        for pattern in [Self.idNumber, Self.spacedIDNumber, Self.firstGenerationIDNumber] {
            for match in pattern.matches(in: text, range: Self.whole(text)).reversed() {
                let range = Range(match.range, in: text)!
                text.replaceSubrange(range, with: MaskedIDNumber(text[range].filter { $0 != " " && $0 != "-" }).text)
            }
        }
        text = Self.phone.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "[phone]")
        text = Self.cardNumber.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "[card]")
        return Self.hex.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "[hex]")
    }

    private static func whole(_ text: String) -> NSRange { NSRange(text.startIndex..., in: text) }

    // ICU patterns (NSRegularExpression): compiled once; the patterns are constants, so `try!` cannot fail.
    private static let userInfo = try! NSRegularExpression(pattern: #"([a-z][a-z0-9+.-]*://)[^/@\s]+@"#)
    private static let bearer = try! NSRegularExpression(pattern: #"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"#)
    private static let setting = try! NSRegularExpression(
        pattern:
            #"(?i)((?:pin|password|passwd|passphrase|secret|token|key)["']?\s*[:=]\s*["']?)([^"'\s,;&}]+)"#)
    private static let idNumber = try! NSRegularExpression(pattern: #"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])"#)
    private static let pem = try! NSRegularExpression(
        pattern: #"-----BEGIN [A-Z0-9 ]+-----(?:[\s\S]*?-----END [A-Z0-9 ]+-----|[\s\S]*$)"#)
    private static let labelledName = try! NSRegularExpression(
        pattern: #"(?i)((?:name|holder|person|resident|cardholder|姓名|持卡人)["']?\s*[:=：]\s*["']?)[\p{Han}·•]{2,}"#)
    private static let spacedIDNumber = try! NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z-])[0-9](?:[ -]?[0-9]){16}[ -]?[0-9Xx](?![0-9A-Za-z])"#)
    private static let firstGenerationIDNumber = try! NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z.:-])[0-9]{15}(?![0-9A-Za-z])"#)
    private static let phone = try! NSRegularExpression(
        pattern: [
            #"(?<![0-9A-Za-z])(?:(?:\+|00)?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9A-Za-z])"#,
            #"(?<![0-9A-Za-z])0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(?![0-9A-Za-z])"#,
        ].joined(separator: "|"))
    private static let cardNumber = try! NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z])(?=(?:[A-Z]*[0-9]){5})[A-Z][0-9A-Z]{7}[0-9X](?![0-9A-Za-z])"#)
    private static let hex = try! NSRegularExpression(pattern: #"(?<![0-9A-Za-z])[0-9A-Fa-f]{16,}(?![0-9A-Za-z])"#)
}
