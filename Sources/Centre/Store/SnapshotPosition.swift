import Foundation
import KioskCore

/// Where a snapshot stands between two pages: after this person in the snapshot's order (region,
/// then ID number). Each page hands it to the terminal as an opaque token (``token``,
/// `ReferenceDataPage.resumeAfter`), and a terminal whose first load broke off sends it back to
/// go on from there at the same cursor. The token is never logged.
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

    /// Nil for anything a centre did not hand out.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(regionCode: String(parts[0]), idNumber: String(parts[1]))
    }

    /// Base64url without padding: safe in a query string as it is.
    public var token: String {
        Data("\(regionCode) \(idNumber)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
