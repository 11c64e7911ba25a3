import Foundation
import SocialSecurityCard
import Vocabulary

/// Takes personal data and secrets out of text before it leaves the terminal in a support bundle.
///
/// What goes, whatever file it is in:
/// - ID numbers: any run of 17 digits and a digit or X, not inside a longer number, masked
///   (`4301**********1234`) whether or not its check character is right;
/// - the names it is given (the cache's residents and staff), as `[name]`;
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
        var text = text
        for name in names { text = text.replacingOccurrences(of: name, with: "[name]") }
        text = Self.userInfo.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "$1[redacted]@")
        text = Self.bearer.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "$1[redacted]")
        text = Self.setting.stringByReplacingMatches(in: text, range: Self.whole(text), withTemplate: "$1[redacted]")
        for match in Self.idNumber.matches(in: text, range: Self.whole(text)).reversed() {
            let range = Range(match.range, in: text)!
            text.replaceSubrange(range, with: MaskedIDNumber(text[range]).text)
        }
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
    private static let hex = try! NSRegularExpression(pattern: #"(?<![0-9A-Za-z])[0-9A-Fa-f]{16,}(?![0-9A-Za-z])"#)
}
