import Foundation
import Hummingbird
import KioskCore

/// Appointments: a resident books, sees and cancels a hall slot at the kiosk; the desk's calendar,
/// a booking on a resident's call (the full ID number in the body), a home visit assigned to a
/// clerk, and what became of each.
extension KioskAPI {
    var appointmentRoutes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/appointments/slots", slots),
            APIRoute(.get, "/api/me/appointments", myAppointments),
            APIRoute(.post, "/api/me/appointments", bookMine),
            APIRoute(.post, "/api/me/appointments/{id}/cancel", cancelMine),
            APIRoute(.get, "/api/appointments", calendar),
            APIRoute(.post, "/api/appointments", bookOnCall),
            APIRoute(.post, "/api/appointments/{id}/cancel", cancelAppointment),
            APIRoute(.post, "/api/appointments/{id}/assign", assignAppointment),
            APIRoute(.post, "/api/appointments/{id}/outcome", appointmentOutcome),
        ]
    }

    struct SlotJSON: Encodable {
        var slot: String
        var left: Int
    }

    /// `?day=YYYY-MM-DD`: the hall's slots that day with the places left. Public: no personal data.
    private func slots(_ request: Request, _ context: Context) async throws -> Response {
        let day = request.uri.queryParameters["day"].map(String.init) ?? ""
        return try JSONBody.response(try await services.slots(on: day).map { SlotJSON(slot: $0.slot, left: $0.left) })
    }

    private func myAppointments(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        let appointments = try await services.appointments(of: idNumber, for: .resident(idNumber: idNumber))
        return try JSONBody.response(appointments.map { AppointmentJSON($0) })
    }

    struct MyBookingRequest: Decodable {
        var service: ApplicationKind
        var day: String
        var slot: String
    }

    private func bookMine(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        let body = try await JSONBody.decode(MyBookingRequest.self, from: request)
        let appointment = try await services.bookHallSlot(
            idNumber, service: body.service, day: body.day, slot: body.slot, phone: nil,
            by: .resident(idNumber: idNumber))
        return try JSONBody.response(AppointmentJSON(appointment), status: .created)
    }

    private func cancelMine(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        let appointment = try await services.cancelAppointment(
            try context.parameters.require("id"), by: .resident(idNumber: idNumber))
        return try JSONBody.response(AppointmentJSON(appointment))
    }

    /// `?from=DAY&through=DAY` (today alone without them).
    private func calendar(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let today = WorkingCalendar.key(of: now())
        let query = request.uri.queryParameters
        let lines = try await services.appointmentCalendar(
            from: query["from"].map(String.init) ?? today, through: query["through"].map(String.init) ?? today,
            for: principal)
        return try JSONBody.response(lines.map { AppointmentJSON($0.appointment, name: $0.name) })
    }

    struct CallBookingRequest: Decodable {
        var idNumber: String
        var kind: Appointment.Kind
        var service: ApplicationKind
        var day: String
        var slot: String?
        var reason: Appointment.HomeVisitReason?
        var phone: String?
        var note: String?
    }

    private func bookOnCall(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(CallBookingRequest.self, from: request)
        let appointment: Appointment
        switch body.kind {
        case .hall:
            appointment = try await services.bookHallSlot(
                body.idNumber, service: body.service, day: body.day, slot: body.slot ?? "", phone: body.phone,
                by: principal)
        case .homeVisit:
            guard let reason = body.reason else { throw Self.missing("reason", "上门服务原因") }
            appointment = try await services.bookHomeVisit(
                body.idNumber, service: body.service, day: body.day, reason: reason, phone: body.phone, note: body.note,
                by: principal)
        }
        return try JSONBody.response(AppointmentJSON(appointment), status: .created)
    }

    private func cancelAppointment(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let appointment = try await services.cancelAppointment(try context.parameters.require("id"), by: principal)
        return try JSONBody.response(AppointmentJSON(appointment))
    }

    struct AssignRequest: Decodable {
        var to: String
    }

    private func assignAppointment(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(AssignRequest.self, from: request)
        let appointment = try await services.assignHomeVisit(
            try context.parameters.require("id"), to: body.to, by: principal)
        return try JSONBody.response(AppointmentJSON(appointment))
    }

    struct OutcomeRequest: Decodable {
        var result: AppointmentOutcome.Result
        var note: String?
    }

    private func appointmentOutcome(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(OutcomeRequest.self, from: request)
        let appointment = try await services.recordAppointmentOutcome(
            try context.parameters.require("id"), result: body.result, note: body.note, by: principal)
        return try JSONBody.response(AppointmentJSON(appointment))
    }
}
