import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func appointments(region prefix: String, from first: String, through last: String) async throws
        -> [AppointmentLine]
    {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, coalesce(p.name, '') AS personName FROM appointment a
                    LEFT JOIN person p ON p.idNumber = a.idNumber
                    WHERE a.regionCode >= ? AND a.regionCode < ? AND a.day >= ? AND a.day <= ?
                    ORDER BY a.day, a.slot IS NULL, a.slot, a.id
                    """,
                arguments: [prefix, prefix + "\u{FFFF}", first, last]
            ).map { row in AppointmentLine(appointment: try AppointmentRow(row: row).decoded(), name: row["personName"])
            }
        }
    }

    public func appointments(of idNumber: String) async throws -> [Appointment] {
        try await pool.read { db in
            try AppointmentRow.filter(AppointmentRow.Columns.idNumber == idNumber)
                .order(AppointmentRow.Columns.day.desc, AppointmentRow.Columns.slot.desc).fetchAll(db).map {
                    try $0.decoded()
                }
        }
    }

    public func appointment(_ id: String) async throws -> Appointment? {
        try await pool.read { db in try AppointmentRow.fetchOne(db, key: id)?.decoded() }
    }

    public func book(_ draft: Appointment, by principal: Principal, at now: Date) async throws -> Appointment {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            if let slot = draft.slot {
                let taken = try AppointmentRow.filter(AppointmentRow.Columns.regionCode == draft.regionCode)
                    .filter(AppointmentRow.Columns.day == draft.day).filter(AppointmentRow.Columns.slot == slot)
                    .filter(AppointmentRow.Columns.open == true).fetchCount(db)
                guard taken < Appointment.perSlot else { throw KioskError.slotFull }
            }
            var appointment = draft
            appointment.id = "\(recorder.terminal.terminalID)-A\(try recorder.next("appointment"))"
            try AppointmentRow(appointment).insert(db)
            try Self.enqueue(.booking(appointment), on: appointment, by: principal, recorder)
            return appointment
        }
    }

    public func record(_ entry: AppointmentEntry, onAppointment id: String, by principal: Principal, at now: Date)
        async throws -> Appointment
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            guard var appointment = try AppointmentRow.fetchOne(db, key: id)?.decoded() else {
                throw KioskError.notFound("appointment", chinese: "该预约")
            }
            try appointment.record(entry)
            try AppointmentRow(appointment).update(db)
            try Self.enqueue(entry, on: appointment, by: principal, recorder)
            return appointment
        }
    }

    private static func enqueue(
        _ entry: AppointmentEntry, on appointment: Appointment, by principal: Principal, _ recorder: ChangeRecorder
    ) throws {
        try recorder.enqueue(
            .appointment,
            payload: AppointmentPayload(id: appointment.id, entry: entry, by: principal.actorID, at: recorder.now),
            baseVersion: nil, priority: SyncCommandKind.normalPriority)
        try recorder.log(
            entry.actionName, subject: .person(idNumber: appointment.idNumber), by: principal,
            detail: "id=\(appointment.id) \(entry.ledgerDetail)")
    }

    /// Keeps the centre's copy of each appointment, except one with an entry still to be sent.
    static func keep(_ appointments: [Appointment], _ db: Database) throws {
        try keep(appointments, unlessUnsent: .appointment, at: "$.id", subject: \.id, db) {
            try AppointmentRow($0).save(db)
        }
    }
}
