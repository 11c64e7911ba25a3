import Foundation
import GRDB
import KioskCore

/// A row of `appointment`: the appointment as its JSON, with the columns the calendar and a
/// slot's count look it up by.
struct AppointmentRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "appointment"

    var id: String
    var idNumber: String
    var regionCode: String
    var day: String
    var slot: String?
    var open: Bool
    var appointment: String

    enum Columns {
        static let idNumber = Column(CodingKeys.idNumber)
        static let regionCode = Column(CodingKeys.regionCode)
        static let day = Column(CodingKeys.day)
        static let slot = Column(CodingKeys.slot)
        static let open = Column(CodingKeys.open)
    }

    init(_ appointment: Appointment) throws {
        id = appointment.id
        idNumber = appointment.idNumber
        regionCode = appointment.regionCode
        day = appointment.day
        slot = appointment.slot
        open = appointment.isOpen
        self.appointment = String(decoding: try SyncJSON.encoder().encode(appointment), as: UTF8.self)
    }

    func decoded() throws -> Appointment {
        try SyncJSON.decoder().decode(Appointment.self, from: Data(appointment.utf8))
    }
}
