import Crypto
import Foundation
import HexCoding
import KioskCore

/// Where a snapshot stands between two pages: after this person in the snapshot's order (region,
/// then ID number). Each page hands it to the terminal as an opaque token (``token``,
/// `ReferenceDataPage.resumeAfter`), and a terminal whose first load broke off sends it back to
/// go on from there at the same cursor.
///
/// The token travels in a query string, so it is sealed (AES-GCM) under a key this centre process
/// makes when it starts: it never shows an ID number to a proxy's or a server's access log. A token
/// from before a restart no longer opens, and the terminal starts its load afresh.
public struct SnapshotPosition: Hashable, Sendable {
    public var regionCode: String
    public var idNumber: String

    public init(regionCode: String, idNumber: String) {
        self.regionCode = regionCode
        self.idNumber = idNumber
    }

    public init(after person: Person) {
        self.init(regionCode: person.regionCode, idNumber: person.idNumber)
    }

    /// Nil for anything this centre process did not hand out.
    public init?(token: String) {
        guard let sealed = Base64URL.decode(token),
            let box = try? AES.GCM.SealedBox(combined: sealed),
            let opened = try? AES.GCM.open(box, using: Self.sealingKey),
            let text = String(data: opened, encoding: .utf8)
        else { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(regionCode: String(parts[0]), idNumber: String(parts[1]))
    }

    /// Base64url without padding: safe in a query string as it is. Each call seals afresh.
    public var token: String {
        // Sealing with a fresh random nonce under a 256-bit key does not fail.
        let sealed = try! AES.GCM.seal(Data("\(regionCode) \(idNumber)".utf8), using: Self.sealingKey)
        return Base64URL.encode(sealed.combined!)
    }

    private static var sealingKey: SymmetricKey { SymmetricKey(data: sealingKeyBytes) }
    /// Made once per process; SymmetricKey is not Sendable, its bytes are.
    private static let sealingKeyBytes: [UInt8] = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
}
