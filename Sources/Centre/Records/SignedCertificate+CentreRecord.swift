import Foundation
import KioskCore

/// A row of `signedCertificate`, the register of certificates issued, the instant in milliseconds.
extension SignedCertificate: CentreRecord {
    static let tableName = "signedCertificate"

    enum Columns: Int, TableColumns {
        case serial, kind, payloadHash, keyID, regionCode, signedAt
    }

    init(row: TableRow<SignedCertificate>) throws {
        self.init(
            serial: try row.text(.serial), kind: try row.text(.kind), payloadHash: try row.text(.payloadHash),
            keyID: try row.text(.keyID), regionCode: try row.text(.regionCode),
            signedAt: Date(milliseconds: try row.integer(.signedAt)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .serial: .text(serial)
        case .kind: .text(kind)
        case .payloadHash: .text(payloadHash)
        case .keyID: .text(keyID)
        case .regionCode: .text(regionCode)
        case .signedAt: .integer(signedAt.milliseconds)
        }
    }
}
