import Foundation

/// What the desk publishes for its area (job postings, training courses): who may, for which area,
/// and the days it is given.
extension KioskServices {
    /// The member of staff who may publish for the area.
    func publishingMember(_ principal: Principal) throws(KioskError) -> StaffMember {
        try AccessPolicy.authorize(principal, .publishJobPosting)
        guard case .staff(let member) = principal else { throw .forbidden(Action.publishJobPosting.rawValue) }
        return member
    }

    /// `regionCode` (the member's jurisdiction when nil), once it lies in both the member's
    /// jurisdiction and the terminal's.
    func publishingRegion(_ regionCode: String?, by principal: Principal) async throws -> String {
        let member = try publishingMember(principal)
        guard let terminal = try await store.terminal() else { throw KioskError.terminalNotInstalled }
        let region = try regionCode.map(InputValidation.regionCode) ?? member.jurisdiction.regionPrefix
        guard member.jurisdiction.contains(region), terminal.jurisdiction.contains(region) else {
            throw KioskError.outsideJurisdiction
        }
        return region
    }

    /// Yesterday in China, "YYYY-MM-DD": the last day of what is taken down today.
    func yesterday() -> String {
        WorkingCalendar.key(of: WorkingCalendar.china.date(byAdding: .day, value: -1, to: now()) ?? now())
    }

    /// A day of a form ("YYYY-MM-DD"), `from` or later and within a year of it.
    static func day(_ text: String, field: String, from first: String, chinese: String) throws -> String {
        _ = try InputValidation.date(text)
        let key = text.trimmingSpaces
        let yearOn = WorkingCalendar.china.date(byAdding: .year, value: 1, to: WorkingCalendar.date(first) ?? Date())
        guard key >= first, key <= WorkingCalendar.key(of: yearOn ?? Date()) else {
            throw KioskError.invalid(
                field, chinese: "\(chinese)应在\(first)至一年之内。",
                english: "The \(field) is \(first) or within a year of it.")
        }
        return key
    }
}
