import Foundation
import KioskCore

/// An application as the centre keeps it: with its version, the number of times it was written.
struct StoredApplication: Sendable {
    var application: Application
    var version: Int
}

extension StoredApplication: CentreRecord {
    static let tableName = "application"

    /// Instants as milliseconds, `details` as JSON.
    enum Columns: Int, TableColumns {
        case id, kind, idNumber, status, submittedBy, submittedAt, deadline, approvedBy, completedAt, details
        case terminalID, regionCode, version, clockStoppedAt
    }

    init(row: TableRow<StoredApplication>) throws {
        guard let kind = ApplicationKind(rawValue: try row.text(.kind)) else { throw CorruptRow(Self.self, .kind) }
        guard let status = ApplicationStatus(rawValue: try row.text(.status)) else {
            throw CorruptRow(Self.self, .status)
        }
        guard let details = try? JSONDecoder().decode([String: String].self, from: Data(try row.text(.details).utf8))
        else { throw CorruptRow(Self.self, .details) }
        var application = Application(
            id: try row.text(.id), kind: kind, idNumber: try row.text(.idNumber), status: status,
            submittedBy: try row.text(.submittedBy), submittedAt: Date(milliseconds: try row.integer(.submittedAt)),
            approvedBy: try row.optionalText(.approvedBy),
            completedAt: try row.optionalInteger(.completedAt).map(Date.init(milliseconds:)),
            details: details, terminalID: try row.text(.terminalID), regionCode: try row.text(.regionCode))
        // As kept, not counted again: a stopped clock and the calendar it ran on have moved it.
        application.deadline = Date(milliseconds: try row.integer(.deadline))
        application.clockStoppedAt = try row.optionalInteger(.clockStoppedAt).map(Date.init(milliseconds:))
        self.init(application: application, version: Int(try row.integer(.version)))
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(application.id)
        case .kind: .text(application.kind.rawValue)
        case .idNumber: .text(application.idNumber)
        case .status: .text(application.status.rawValue)
        case .submittedBy: .text(application.submittedBy)
        case .submittedAt: .integer(application.submittedAt.milliseconds)
        case .deadline: .integer(application.deadline.milliseconds)
        case .approvedBy: SQLValue(application.approvedBy)
        case .completedAt: SQLValue(application.completedAt?.milliseconds)
        case .details: .text(String(decoding: try SyncJSON.encoder().encode(application.details), as: UTF8.self))
        case .terminalID: .text(application.terminalID)
        case .regionCode: .text(application.regionCode)
        case .version: .integer(Int64(version))
        case .clockStoppedAt: SQLValue(application.clockStoppedAt?.milliseconds)
        }
    }
}
