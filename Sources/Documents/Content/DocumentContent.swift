import Crypto

/// The data a template is filled with: values for its placeholders, row sets for its tables,
/// images for its picture boxes, and what its verification code vouches for.
///
/// Each document type (``ProofOfInsurance``, ``ContributionStatement``, ...) maps its fields into
/// content; the template decides where they go.
public struct DocumentContent: Sendable {
    public var values: [String: String]
    public var tables: [String: [TableRow]]
    /// PNG or JPEG bytes by key.
    public var images: [String: [UInt8]]
    /// What the QR code vouches for; required when the template has a verification block.
    public var verification: VerificationSubject?

    public init(
        values: [String: String] = [:], tables: [String: [TableRow]] = [:], images: [String: [UInt8]] = [:],
        verification: VerificationSubject? = nil
    ) {
        self.values = values
        self.tables = tables
        self.images = images
        self.verification = verification
    }

    /// SHA-256 of every value, row and image in a canonical, length-prefixed order, so the centre
    /// can tell whether a document it registered is the one in front of a verifier.
    var digest: SHA256.Digest {
        var hasher = SHA256()
        func feed(_ text: String) {
            let bytes = Array(text.utf8)
            withUnsafeBytes(of: UInt64(bytes.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        feed("values")
        for key in values.keys.sorted() {
            feed(key)
            feed(values[key]!)
        }
        feed("tables")
        for name in tables.keys.sorted() {
            let rows = tables[name]!
            feed(name)
            feed(String(rows.count))
            for row in rows {
                for key in row.keys.sorted() {
                    feed(key)
                    switch row[key]! {
                    case .text(let text): feed("t" + text)
                    case .money(let money): feed("m" + String(money.fen))
                    }
                }
                feed("")
            }
        }
        feed("images")
        for key in images.keys.sorted() {
            feed(key)
            hasher.update(data: Array(SHA256.hash(data: images[key]!)))
        }
        return hasher.finalize()
    }
}
