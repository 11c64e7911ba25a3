import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func submit(_ draft: ApplicationDraft, by principal: Principal, at now: Date) async throws -> Application {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            let open = try ApplicationRow.filter(
                ApplicationRow.Columns.idNumber == draft.idNumber && ApplicationRow.Columns.kind == draft.kind.rawValue
                    && Self.openStatuses.contains(ApplicationRow.Columns.status)
            ).fetchAll(db).map(\.application)
            let application = Application(
                id: "\(recorder.terminal.terminalID)-\(try recorder.next("application"))",
                kind: draft.kind,
                idNumber: draft.idNumber,
                status: ApplicationRules.initialStatus(for: draft.kind, idNumber: draft.idNumber, open: open),
                submittedBy: principal.actorID,
                submittedAt: recorder.now,
                details: draft.details,
                terminalID: recorder.terminal.terminalID,
                regionCode: try recorder.region(of: draft.idNumber)
            )
            try ApplicationRow(application, version: 1, closedAt: nil).insert(db)
            try recorder.enqueue(
                .applicationSubmit, payload: application, baseVersion: nil,
                priority: SyncCommandKind.priority(for: draft.kind))
            try recorder.log(
                SyncCommandKind.applicationSubmit.rawValue, subject: .application(id: application.id), by: principal,
                detail: "kind=\(draft.kind.rawValue) status=\(application.status.rawValue)")
            return application
        }
    }

    public func move(application id: String, to status: ApplicationStatus, by principal: Principal, at now: Date)
        async throws -> Application
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            guard let row = try ApplicationRow.fetchOne(db, key: id) else {
                throw KioskError.notFound("application", chinese: "该申请")
            }
            var application = row.application
            try application.move(to: status, by: principal.actorID, at: recorder.now)
            try ApplicationRow(
                application, version: row.version + 1, closedAt: status.isOpen ? nil : recorder.now.milliseconds
            ).update(db)
            try recorder.enqueue(
                .applicationMove,
                payload: ApplicationMovePayload(id: id, status: status, by: principal.actorID, at: recorder.now),
                baseVersion: row.version, priority: SyncCommandKind.priority(for: application.kind))
            try recorder.log(
                SyncCommandKind.applicationMove.rawValue, subject: .application(id: id), by: principal,
                detail: "from=\(row.status.rawValue) to=\(status.rawValue)")
            return application
        }
    }

    public func application(_ id: String) async throws -> Application? {
        try await pool.read { db in try ApplicationRow.fetchOne(db, key: id)?.application }
    }

    /// Newest first.
    public func applications(_ filter: ApplicationFilter) async throws -> [Application] {
        try await pool.read { db in try Self.applications(filter, db) }
    }

    static func applications(_ filter: ApplicationFilter, _ db: Database) throws -> [Application] {
        var request = ApplicationRow.all()
        if let idNumber = filter.idNumber { request = request.filter(ApplicationRow.Columns.idNumber == idNumber) }
        if let statuses = filter.statuses {
            request = request.filter(statuses.map(\.rawValue).contains(ApplicationRow.Columns.status))
        }
        if let prefix = filter.regionPrefix {
            request = request.filter(RegionPrefix(prefix).contains(ApplicationRow.Columns.regionCode))
        }
        if let from = filter.submittedFrom {
            request = request.filter(ApplicationRow.Columns.submittedAt >= from.milliseconds)
        }
        if let before = filter.submittedBefore {
            request = request.filter(ApplicationRow.Columns.submittedAt < before.milliseconds)
        }
        return try request.order(ApplicationRow.Columns.submittedAt.desc, ApplicationRow.Columns.id.desc)
            .limit(filter.limit).fetchAll(db).map(\.application)
    }

    static let openStatuses = ApplicationStatus.allCases.filter(\.isOpen).map(\.rawValue)
}
