import Foundation
import KioskCore

/// A row of `terminal`: the jurisdiction as its region prefix, instants in milliseconds.
extension RegisteredTerminal: CentreRecord {
    static let tableName = "terminal"

    enum Columns: Int, TableColumns {
        case id, jurisdiction, name, tokenHash, registeredAt, certificateFingerprint, signingKey, revokedAt
    }

    init(row: TableRow<RegisteredTerminal>) throws {
        guard let jurisdiction = try? Jurisdiction(try row.text(.jurisdiction)) else {
            throw CorruptRow(Self.self, .jurisdiction)
        }
        self.init(
            id: try row.text(.id), jurisdiction: jurisdiction, name: try row.text(.name),
            tokenHash: try row.text(.tokenHash), registeredAt: Date(milliseconds: try row.integer(.registeredAt)),
            certificateFingerprint: try row.optionalText(.certificateFingerprint),
            signingKey: try row.optionalText(.signingKey),
            revokedAt: try row.optionalInteger(.revokedAt).map(Date.init(milliseconds:)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .id: .text(id)
        case .jurisdiction: .text(jurisdiction.regionPrefix)
        case .name: .text(name)
        case .tokenHash: .text(tokenHash)
        case .registeredAt: .integer(registeredAt.milliseconds)
        case .certificateFingerprint: SQLValue(certificateFingerprint)
        case .signingKey: SQLValue(signingKey)
        case .revokedAt: SQLValue(revokedAt?.milliseconds)
        }
    }
}
