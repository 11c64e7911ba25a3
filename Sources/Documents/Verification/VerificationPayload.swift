import Foundation
import HexCoding

/// The signed statement a certificate's QR code carries, as JSON with short keys.
///
/// It names the document (kind, serial number, office, time), the holder (name and masked number,
/// never the full ID number), the key facts, a digest of the full content that the centre can
/// match against its register, and the signing key's id.
public struct VerificationPayload: Hashable, Sendable, Codable {
    /// The format version; verifiers reject versions they do not know.
    public var version: Int
    public var kind: DocumentKind
    public var serialNumber: String
    /// The issuing office's code.
    public var office: String
    /// Whole seconds: the payload says when, to the second, and nothing finer.
    public var issuedAt: Date
    /// `YYYYMMDD`, for documents that expire.
    public var validUntil: String?
    public var holderName: String?
    public var holderNumber: String?
    public var facts: [String: String]
    /// The first 16 bytes of SHA-256 over the full content, base64url.
    public var contentDigest: String
    public var keyID: String

    static let currentVersion = 1

    private enum CodingKeys: String, CodingKey {
        case version = "v"
        case kind = "k"
        case serialNumber = "s"
        case office = "o"
        case issuedAt = "t"
        case validUntil = "u"
        case holderName = "n"
        case holderNumber = "h"
        case facts = "f"
        case contentDigest = "d"
        case keyID = "kid"
    }

    init(subject: VerificationSubject, content: DocumentContent, keyID: String) {
        version = Self.currentVersion
        kind = subject.kind
        serialNumber = subject.issuance.serialNumber
        office = subject.issuance.office.code
        issuedAt = Date(timeIntervalSince1970: subject.issuance.issuedAt.timeIntervalSince1970.rounded(.down))
        validUntil = subject.issuance.validUntil?.compact
        holderName = subject.holderName
        holderNumber = subject.holderNumber
        facts = subject.facts
        contentDigest = Base64URL.encode(Array(content.digest.prefix(16)))
        self.keyID = keyID
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        kind = try container.decode(DocumentKind.self, forKey: .kind)
        serialNumber = try container.decode(String.self, forKey: .serialNumber)
        office = try container.decode(String.self, forKey: .office)
        issuedAt = Date(timeIntervalSince1970: TimeInterval(try container.decode(Int64.self, forKey: .issuedAt)))
        validUntil = try container.decodeIfPresent(String.self, forKey: .validUntil)
        holderName = try container.decodeIfPresent(String.self, forKey: .holderName)
        holderNumber = try container.decodeIfPresent(String.self, forKey: .holderNumber)
        facts = try container.decodeIfPresent([String: String].self, forKey: .facts) ?? [:]
        contentDigest = try container.decode(String.self, forKey: .contentDigest)
        keyID = try container.decode(String.self, forKey: .keyID)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(kind, forKey: .kind)
        try container.encode(serialNumber, forKey: .serialNumber)
        try container.encode(office, forKey: .office)
        try container.encode(Int64(issuedAt.timeIntervalSince1970.rounded(.down)), forKey: .issuedAt)
        try container.encodeIfPresent(validUntil, forKey: .validUntil)
        try container.encodeIfPresent(holderName, forKey: .holderName)
        try container.encodeIfPresent(holderNumber, forKey: .holderNumber)
        if !facts.isEmpty { try container.encode(facts, forKey: .facts) }
        try container.encode(contentDigest, forKey: .contentDigest)
        try container.encode(keyID, forKey: .keyID)
    }

    /// The JSON bytes that are signed: sorted keys, no escaped slashes, UTF-8 names as they are.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
