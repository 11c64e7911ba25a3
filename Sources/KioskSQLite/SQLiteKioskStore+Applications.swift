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
            ).fetchAll(db).map { try $0.application() }
            let application = Application(
                id: "\(recorder.terminal.terminalID)-\(try recorder.next("application"))",
                kind: draft.kind,
                idNumber: draft.idNumber,
                status: ApplicationRules.initialStatus(for: draft.kind, idNumber: draft.idNumber, open: open),
                submittedBy: principal.actorID,
                submittedAt: recorder.now,
                details: draft.details,
                terminalID: recorder.terminal.terminalID,
                regionCode: try recorder.region(of: draft.idNumber),
                route: try Self.serviceRoutes(db).route(for: draft.kind),
                filedAt: principal.filingLevel(at: recorder.terminal),
                calendar: try Self.workingCalendar(db)
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
        try await update(application: id, CaseAction(moving: status), by: principal, at: now) { application, calendar in
            var moved = application
            try moved.move(to: status, by: principal.actorID, at: now, calendar: calendar)
            return moved
        }
    }

    public func update(
        application id: String, _ action: CaseAction, by principal: Principal, at now: Date,
        _ change: @Sendable (Application, WorkingCalendar) throws -> Application
    ) async throws -> Application {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            guard let row = try ApplicationRow.fetchOne(db, key: id) else {
                throw KioskError.notFound("application", chinese: "该申请")
            }
            let before = try row.application()
            let application = try change(before, try Self.workingCalendar(db))
            guard application != before else { return application }
            let moved = application.status != before.status
            // The version is the centre's: every change is sent to it, and each it applies bumps it.
            try ApplicationRow(
                application, version: row.version + 1,
                closedAt: application.status.isOpen ? nil : (moved ? recorder.now.milliseconds : row.closedAt)
            ).update(db)
            try recorder.enqueue(
                .applicationMove,
                payload: ApplicationMovePayload(
                    id: id, action: action, status: application.status, owner: application.owner,
                    rejection: application.rejection, by: principal.actorID, at: recorder.now),
                baseVersion: row.version, priority: SyncCommandKind.priority(for: application.kind))
            if moved {
                let reason = application.rejection.map { " reason=\($0.reason.rawValue)" } ?? ""
                try recorder.log(
                    SyncCommandKind.applicationMove.rawValue, subject: .application(id: id), by: principal,
                    detail: "from=\(before.status.rawValue) to=\(application.status.rawValue)\(reason)")
            }
            if application.step != before.step {
                try recorder.log(
                    "application.report-up", subject: .application(id: id), by: principal,
                    detail: "from=\(before.level.rawValue) to=\(application.level.rawValue)")
            } else if application.owner != before.owner, let owner = application.owner {
                let (action, detail) =
                    before.owner.map { ("application.hand-over", "from=\($0) to=\(owner)") }
                    ?? ("application.take", "owner=\(owner)")
                try recorder.log(action, subject: .application(id: id), by: principal, detail: detail)
            }
            return application
        }
    }

    public func application(_ id: String) async throws -> Application? {
        try await pool.read { db in try ApplicationRow.fetchOne(db, key: id)?.application() }
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
        if let kinds = filter.kinds {
            request = request.filter(kinds.map(\.rawValue).contains(ApplicationRow.Columns.kind))
        }
        switch filter.owner {
        case .nobody: request = request.filter(ApplicationRow.Columns.owner == nil)
        case .member(let id): request = request.filter(ApplicationRow.Columns.owner == id)
        case nil: break
        }
        if let levels = filter.levels {
            // A row made before routes is at its deciding step, the national route's township.
            let level = ApplicationRow.Columns.level ?? ServiceLevel.township.rawValue
            request = request.filter(levels.map(\.rawValue).contains(level))
        }
        if let due = filter.due {
            let running =
                openStatuses.contains(ApplicationRow.Columns.status) && ApplicationRow.Columns.clockStoppedAt == nil
            let deadline = ApplicationRow.Columns.deadline
            // A row made before routes has its step due with the case.
            let stepDue = ApplicationRow.Columns.stepDue ?? deadline
            switch due {
            case .late(let now):
                request = request.filter(running && (deadline < now.milliseconds || stepDue < now.milliseconds))
            case .soon(let now, let through):
                request = request.filter(
                    running && deadline >= now.milliseconds && stepDue >= now.milliseconds
                        && (deadline <= through.milliseconds || stepDue <= through.milliseconds))
            }
        }
        if let from = filter.completedFrom {
            request = request.filter(ApplicationRow.Columns.completedAt >= from.milliseconds)
        }
        if let before = filter.completedBefore {
            request = request.filter(ApplicationRow.Columns.completedAt < before.milliseconds)
        }
        if let due = filter.dueBefore {
            request = request.filter(ApplicationRow.Columns.deadline < due.milliseconds)
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
        if let now = filter.overdueFirstAt {
            let open = openStatuses.contains(ApplicationRow.Columns.status)
            let overdue =
                open && ApplicationRow.Columns.clockStoppedAt == nil
                && ApplicationRow.Columns.deadline < now.milliseconds
            request = request.order(
                overdue.desc, open.desc, ApplicationRow.Columns.deadline, ApplicationRow.Columns.id)
        } else {
            request = request.order(ApplicationRow.Columns.submittedAt.desc, ApplicationRow.Columns.id.desc)
        }
        return try request.limit(filter.limit).fetchAll(db).map { try $0.application() }
    }

    static let openStatuses = ApplicationStatus.allCases.filter(\.isOpen).map(\.rawValue)
}
