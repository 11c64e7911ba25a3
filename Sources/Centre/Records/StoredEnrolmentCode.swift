import Foundation
import KioskCore

/// A row of `enrolmentCode`: a one-time code as the centre keeps it (its hash only), the terminal
/// it enrols, until when, and when it was used.
public struct StoredEnrolmentCode: CentreRecord, Hashable {
    static let tableName = "enrolmentCode"

    enum Columns: Int, TableColumns {
        case codeHash, terminalID, jurisdiction, name, issuedAt, expiresAt, usedAt
    }

    /// ``TerminalEnrolmentCode/hash(_:)`` of the code.
    public var codeHash: String
    public var terminalID: String
    public var jurisdiction: Jurisdiction
    public var name: String
    public var issuedAt: Date
    public var expiresAt: Date
    public var usedAt: Date?

    public init(
        codeHash: String, terminalID: String, jurisdiction: Jurisdiction, name: String, issuedAt: Date,
        expiresAt: Date, usedAt: Date? = nil
    ) {
        self.codeHash = codeHash
        self.terminalID = terminalID
        self.jurisdiction = jurisdiction
        self.name = name
        self.issuedAt = issuedAt.wholeMilliseconds
        self.expiresAt = expiresAt.wholeMilliseconds
        self.usedAt = usedAt?.wholeMilliseconds
    }

    init(row: TableRow<StoredEnrolmentCode>) throws {
        guard let jurisdiction = try? Jurisdiction(try row.text(.jurisdiction)) else {
            throw CorruptRow(Self.self, .jurisdiction)
        }
        self.init(
            codeHash: try row.text(.codeHash), terminalID: try row.text(.terminalID), jurisdiction: jurisdiction,
            name: try row.text(.name), issuedAt: Date(milliseconds: try row.integer(.issuedAt)),
            expiresAt: Date(milliseconds: try row.integer(.expiresAt)),
            usedAt: try row.optionalInteger(.usedAt).map(Date.init(milliseconds:)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .codeHash: .text(codeHash)
        case .terminalID: .text(terminalID)
        case .jurisdiction: .text(jurisdiction.regionPrefix)
        case .name: .text(name)
        case .issuedAt: .integer(issuedAt.milliseconds)
        case .expiresAt: .integer(expiresAt.milliseconds)
        case .usedAt: SQLValue(usedAt?.milliseconds)
        }
    }
}
