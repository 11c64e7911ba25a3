import Foundation

/// Appointments (预约受理、上门服务): a resident books a hall slot at the kiosk, a clerk books one or a
/// home visit on the resident's call, the desk's calendar shows them, home visits are assigned to a
/// clerk, and what became of each is recorded.
extension KioskServices {
    /// A hall slot of a day with the places left at this terminal's hall, as far as it knows.
    public struct SlotAvailability: Hashable, Sendable {
        public var slot: String
        public var left: Int
    }

    /// The day's slots and the places left in each; a day the hall does not work has none.
    public func slots(on day: String) async throws -> [SlotAvailability] {
        guard let terminal = try await store.terminal() else { throw KioskError.terminalNotInstalled }
        let day = try bookableDay(day, calendar: try await store.workingCalendar())
        let booked = try await store.appointments(region: terminal.jurisdiction.regionPrefix, from: day, through: day)
            .map(\.appointment).filter { $0.isOpen && $0.regionCode == terminal.jurisdiction.regionPrefix }
        return Appointment.slots.map { slot in
            SlotAvailability(slot: slot, left: max(0, Appointment.perSlot - booked.filter { $0.slot == slot }.count))
        }
    }

    /// Books a hall slot for a service: a resident their own at the kiosk, a clerk for a resident on
    /// the phone. A working day from tomorrow to two weeks on, a slot of the hall's with a place.
    public func bookHallSlot(
        _ idNumber: String, service: ApplicationKind, day: String, slot: String, phone: String?,
        by principal: Principal
    ) async throws -> Appointment {
        guard Appointment.slots.contains(slot) else {
            throw KioskError.invalid("slot", chinese: "预约时段有误。", english: "No such slot: \(slot).")
        }
        return try await book(
            idNumber, service: service, kind: .hall, day: day, slot: slot, reason: nil, phone: phone, note: nil,
            by: principal)
    }

    /// Books a home visit for someone who cannot come (高龄、残疾、重病), on the call of the person or
    /// their family: staff only, to be assigned to a clerk.
    public func bookHomeVisit(
        _ idNumber: String, service: ApplicationKind, day: String, reason: Appointment.HomeVisitReason, phone: String?,
        note: String?, by principal: Principal
    ) async throws -> Appointment {
        guard case .staff = principal else { throw KioskError.forbidden(Action.keepAppointments.rawValue) }
        return try await book(
            idNumber, service: service, kind: .homeVisit, day: day, slot: nil, reason: reason, phone: phone,
            note: try Self.text(note, field: "note", required: false, chinese: "情况说明"), by: principal)
    }

    /// The resident's own appointments, newest day first.
    public func appointments(of idNumber: String, for principal: Principal) async throws -> [Appointment] {
        _ = try await authorizedPerson(idNumber, for: principal, .keepAppointments)
        return try await store.appointments(of: idNumber)
    }

    /// The hall's calendar from `first` through `last` (at most 31 days), with who each is for.
    public func appointmentCalendar(from first: String, through last: String, for principal: Principal) async throws
        -> [AppointmentLine]
    {
        let member = try listingMember(principal, Action.keepAppointments.rawValue)
        try AccessPolicy.authorize(principal, .keepAppointments)
        _ = try InputValidation.date(first)
        _ = try InputValidation.date(last)
        let longest = WorkingCalendar.date(first).flatMap {
            WorkingCalendar.china.date(byAdding: .day, value: 31, to: $0)
        }
        guard first <= last, let longest, last <= WorkingCalendar.key(of: longest) else {
            throw KioskError.invalid(
                "period", chinese: "日历的起止日期有误（最多31天）。", english: "The calendar's period is wrong (31 days at most).")
        }
        let lines = try await store.appointments(region: member.jurisdiction.regionPrefix, from: first, through: last)
        try await logListRead(principal, "appointments", count: lines.count)
        return lines
    }

    /// Cancels an appointment still open: a resident their own, a clerk any of the jurisdiction's.
    public func cancelAppointment(_ id: String, by principal: Principal) async throws -> Appointment {
        _ = try await authorizedAppointment(id, for: principal)
        return try await store.record(
            .cancellation(by: principal.actorID, at: now()), onAppointment: id, by: principal, at: now())
    }

    /// Gives a home visit to an active clerk or supervisor whose jurisdiction holds it.
    public func assignHomeVisit(_ id: String, to colleague: String, by principal: Principal) async throws
        -> Appointment
    {
        guard case .staff = principal else { throw KioskError.forbidden(Action.keepAppointments.rawValue) }
        let appointment = try await authorizedAppointment(id, for: principal)
        try await requireCaseworker(colleague, covering: appointment.regionCode)
        return try await store.record(
            .assignment(to: colleague, by: principal.actorID, at: now()), onAppointment: id, by: principal, at: now())
    }

    /// What became of an appointment, on or after its day: attended or not at the hall, served,
    /// not met or declined at home.
    public func recordAppointmentOutcome(
        _ id: String, result: AppointmentOutcome.Result, note: String?, by principal: Principal
    ) async throws -> Appointment {
        guard case .staff = principal else { throw KioskError.forbidden(Action.keepAppointments.rawValue) }
        let appointment = try await authorizedAppointment(id, for: principal)
        guard appointment.day <= WorkingCalendar.key(of: now()) else {
            throw KioskError.invalid(
                "day", chinese: "预约日期未到，不能记录办理结果。", english: "The appointment's day has not come yet.")
        }
        let outcome = AppointmentOutcome(
            result: result, note: try Self.text(note, field: "note", required: false, chinese: "办理情况"),
            by: principal.actorID, at: now())
        return try await store.record(.outcome(outcome), onAppointment: id, by: principal, at: now())
    }

    private func book(
        _ idNumber: String, service: ApplicationKind, kind: Appointment.Kind, day: String, slot: String?,
        reason: Appointment.HomeVisitReason?, phone: String?, note: String?, by principal: Principal
    ) async throws -> Appointment {
        _ = try await authorizedPerson(idNumber, for: principal, .keepAppointments)
        guard let terminal = try await store.terminal() else { throw KioskError.terminalNotInstalled }
        let day = try bookableDay(day, calendar: try await store.workingCalendar())
        let channel: Appointment.Channel
        switch principal {
        case .resident: channel = .kiosk
        default: channel = .phone
        }
        let draft = Appointment(
            id: "", idNumber: idNumber, service: service, regionCode: terminal.jurisdiction.regionPrefix, kind: kind,
            day: day, slot: slot, reason: reason,
            phone: try phone.flatMap { $0.isEmpty ? nil : try InputValidation.phone($0) },
            note: note, channel: channel, bookedBy: principal.actorID, at: now())
        return try await store.book(draft, by: principal, at: now())
    }

    /// A working day from tomorrow to ``Appointment/daysAhead`` days on.
    private func bookableDay(_ text: String, calendar: WorkingCalendar) throws -> String {
        _ = try InputValidation.date(text)
        let day = text.trimmingSpaces
        let china = WorkingCalendar.china
        let tomorrow = WorkingCalendar.key(of: china.date(byAdding: .day, value: 1, to: now()) ?? now())
        let last = WorkingCalendar.key(of: china.date(byAdding: .day, value: Appointment.daysAhead, to: now()) ?? now())
        guard day >= tomorrow, day <= last else {
            throw KioskError.invalid(
                "day", chinese: "可预约明天起\(Appointment.daysAhead)天内的日期。",
                english: "Book a day from tomorrow to \(Appointment.daysAhead) days on.")
        }
        guard let date = WorkingCalendar.date(day), calendar.isWorkingDay(date.addingTimeInterval(12 * 3600)) else {
            throw KioskError.notAWorkingDay
        }
        return day
    }

    /// Throws unless `colleague` is an active clerk or supervisor whose jurisdiction holds `regionCode`:
    /// whom a home visit or a case may be given to.
    func requireCaseworker(_ colleague: String, covering regionCode: String) async throws {
        guard try await store.staff(colleague)?.takesWork(in: regionCode) == true else {
            throw KioskError.handOverTarget
        }
    }

    /// The appointment `id`, once `principal` may keep appointments for its person.
    private func authorizedAppointment(_ id: String, for principal: Principal) async throws -> Appointment {
        try AccessPolicy.authorize(principal, .keepAppointments)
        guard let appointment = try await store.appointment(id) else {
            throw KioskError.notFound("appointment", chinese: "该预约")
        }
        try AccessPolicy.authorize(
            principal, .keepAppointments, regionCode: appointment.regionCode, idNumber: appointment.idNumber)
        return appointment
    }
}
