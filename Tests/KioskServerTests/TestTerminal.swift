import Diagnostics
import Foundation
import KioskCore
import KioskServer
import KioskStore
import SocialSecurityCard

/// A terminal service over a fresh SQLite store in a temporary file, with people and staff of
/// two townships, for API tests without a rig (no card reader: the resident side is tested on
/// the rig).
struct TestTerminal: Sendable {
    let terminal: KioskTerminal
    let store: SQLiteKioskStore
    let here: Person
    let elsewhere: Person

    static let password = "right password"

    /// `diagnostics` gets the store's file, for checks of the cache the terminal really uses.
    static func make(
        diagnostics: (@Sendable (_ databasePath: String) async -> DiagnosticsReport)? = nil
    ) throws -> TestTerminal {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-\(UUID()).sqlite").path
        let store = try SQLiteKioskStore(path: path)
        let here = Person(
            idNumber: "430102198507141238", name: "张三", sex: .male,
            birthDate: try CardDate(year: 1985, month: 7, day: 14), regionCode: "430102001001")
        let elsewhere = Person(
            idNumber: "11010519491231002X", name: "李四", sex: .female,
            birthDate: try CardDate(year: 1949, month: 12, day: 31), regionCode: "110105001001")
        var terminalDiagnostics: (@Sendable () async -> DiagnosticsReport)?
        if let diagnostics { terminalDiagnostics = { await diagnostics(path) } }
        let terminal = KioskTerminal(
            configuration: KioskServerConfiguration(port: 0),
            store: store,
            cards: ResidentCardReader(keys: nil) { _ in throw KioskError.notSignedIn },
            diagnostics: terminalDiagnostics
        )
        return TestTerminal(terminal: terminal, store: store, here: here, elsewhere: elsewhere)
    }

    /// Terminal identity, the two people, and one account per role in township 430102001.
    func seed() async throws {
        try await store.setTerminal(
            TerminalIdentity(terminalID: "T1", jurisdiction: try Jurisdiction("430102001"), name: "测试"))
        try await store.applyReferenceData(
            ReferenceDataPage(
                people: [here, elsewhere],
                enrolments: [
                    Enrolment(
                        idNumber: here.idNumber, insurance: .pension, since: YearMonth("2020-01")!, status: .active,
                        unit: "个人")
                ],
                contributions: [
                    Contribution(
                        idNumber: here.idNumber, insurance: .pension, month: YearMonth("2024-01")!, baseFen: 400_000,
                        personalFen: 32_000, employerFen: 64_000, paid: true)
                ],
                cursor: "1",
                asOf: Date(timeIntervalSince1970: 1_790_000_000)
            )
        )
        for role in Role.allCases {
            for n in 1...2 {
                try await store.addStaff(
                    StaffMember(
                        id: "\(role.rawValue)\(n)", name: "\(role.rawValue)", role: role,
                        jurisdiction: try Jurisdiction("430102001")),
                    password: try PasswordHash(hashing: Self.password, cost: 10)
                )
            }
        }
    }
}
