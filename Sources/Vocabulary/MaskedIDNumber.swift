/// An ID number as logs, errors, the ledger, receipts and support bundles show it: the first four
/// and last four characters with the rest starred, `4301**********1234`; text of eight characters or
/// fewer is starred whole.
///
/// Made from the full number and keeping only the masked text, so a value of this type can go
/// anywhere without carrying personal data.
public struct MaskedIDNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The masked text.
    public let text: String

    public init(_ idNumber: some StringProtocol) {
        let count = idNumber.count
        guard count > 8 else {
            text = String(repeating: "*", count: count)
            return
        }
        text = idNumber.prefix(4) + String(repeating: "*", count: count - 8) + idNumber.suffix(4)
    }

    public var description: String { text }

    /// Masks what it decodes: masking is idempotent, so masked text stays as it is and a full
    /// number that slipped into a document is masked on the way in.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
