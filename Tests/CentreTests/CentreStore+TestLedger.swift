import Centre
import Foundation
import KioskCore

/// The store's changes as the tests make them, each with a ledger entry of the test's own: the
/// tests of the changes themselves need no actor, the ledger's tests name theirs.
extension CentreStore {
    static var testEvent: CentreLedgerEvent {
        CentreLedgerEvent(actor: "test", action: "test.change", subject: .terminal, regionCode: "")
    }

    func issueEnrolmentCode(_ code: StoredEnrolmentCode, rotating: Bool) async throws {
        try await issueEnrolmentCode(code, rotating: rotating, audit: Self.testEvent)
    }

    func revokeTerminal(_ id: String, at now: Date) async throws {
        try await revokeTerminal(id, at: now, audit: Self.testEvent)
    }

    func remove(_ record: ReferenceRemoval.Record, at now: Date) async throws {
        try await remove(record, at: now, audit: Self.testEvent)
    }

    func movePerson(_ idNumber: String, to region: String, at now: Date) async throws {
        try await movePerson(idNumber, to: region, at: now, audit: Self.testEvent)
    }

    func publish(_ year: WorkingCalendar.PublishedYear) async throws {
        try await publish(year, audit: Self.testEvent)
    }

    func publish(_ route: ServiceRoute) async throws {
        try await publish(route, audit: Self.testEvent)
    }

    func startBatch(in area: Jurisdiction, at now: Date) async throws -> CardBatch? {
        try await startBatch(in: area, at: now, audit: Self.testEvent)
    }

    func deliverBatch(_ id: String, at now: Date) async throws -> CardBatch {
        try await deliverBatch(id, at: now, audit: Self.testEvent)
    }

    func addStaff(_ account: CentreStaffAccount) async throws {
        try await addStaff(account, audit: Self.testEvent)
    }

    func saveStaff(_ account: CentreStaffAccount) async throws {
        try await saveStaff(account, audit: Self.testEvent)
    }

    func issueEnrolmentCode(
        for terminalID: String, jurisdiction: Jurisdiction, name: String, lifetime: TimeInterval, rotating: Bool,
        at now: Date
    ) async throws -> (code: String, record: StoredEnrolmentCode) {
        try await issueEnrolmentCode(
            for: terminalID, jurisdiction: jurisdiction, name: name, lifetime: lifetime, rotating: rotating, by: "test",
            at: now)
    }
}
