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
        case terminalID, regionCode, version, clockStoppedAt, route, step, stepDue, owner, rejectionReason
        case rejectionNote
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
        let steps = try row.optionalText(.route).map { text in
            guard let steps = try? JSONDecoder().decode([ServiceRoute.Step].self, from: Data(text.utf8)) else {
                throw CorruptRow(Self.self, .route)
            }
            return steps
        }
        guard
            application.restoreRoute(
                steps, step: try row.optionalInteger(.step).map(Int.init),
                stepDue: try row.optionalInteger(.stepDue).map(Date.init(milliseconds:)))
        else { throw CorruptRow(Self.self, .step) }
        application.owner = try row.optionalText(.owner)
        if let reason = try row.optionalText(.rejectionReason) {
            guard let reason = RejectionReason(rawValue: reason) else { throw CorruptRow(Self.self, .rejectionReason) }
            application.rejection = Rejection(reason: reason, note: try row.optionalText(.rejectionNote) ?? "")
        }
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
        case .route: .text(String(decoding: try SyncJSON.encoder().encode(application.route), as: UTF8.self))
        case .step: .integer(Int64(application.step))
        case .stepDue: .integer(application.stepDue.milliseconds)
        case .owner: SQLValue(application.owner)
        case .rejectionReason: SQLValue(application.rejection?.reason.rawValue)
        case .rejectionNote: SQLValue(application.rejection?.note)
        }
    }
}
