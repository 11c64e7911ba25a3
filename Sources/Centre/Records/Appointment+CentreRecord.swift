import Foundation
import KioskCore

/// A row of `appointment`, placed by its hall's area; the appointment whole as its JSON, with the
/// columns a slot's bookings are counted by.
extension Appointment: CentreRecord {
    static let tableName = "appointment"

    enum Columns: Int, TableColumns {
        case id, idNumber, regionCode, day, slot, open, appointment
    }

    init(row: TableRow<Appointment>) throws {
        guard
            let appointment = try? SyncJSON.decoder().decode(
                Appointment.self, from: Data(try row.text(.appointment).utf8)),
            appointment.id == (try row.text(.id))
        else { throw CorruptRow(Self.self, .appointment) }
        self = appointment
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(id)
        case .idNumber: .text(idNumber)
        case .regionCode: .text(regionCode)
        case .day: .text(day)
        case .slot: slot.map(SQLValue.text) ?? .null
        case .open: .integer(isOpen ? 1 : 0)
        case .appointment: .text(String(decoding: try SyncJSON.encoder().encode(self), as: UTF8.self))
        }
    }
}
