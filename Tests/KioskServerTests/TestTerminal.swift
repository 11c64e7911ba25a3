import CardTestSupport
import Crypto
import Diagnostics
import Documents
import Foundation
import KioskCore
import KioskSQLite
import Logging
import SmartCard
import SocialSecurityCard
import Synchronization
import Vocabulary

@testable import KioskServer

/// A terminal service over a fresh SQLite store in a temporary file, with people and staff of
/// two townships, simulated cards in process in the kiosk's and the desk's readers, a scripted
/// printer, and a clock the test moves.
struct TestTerminal: Sendable {
    let terminal: KioskTerminal
    let store: SQLiteKioskStore
    /// The store's database file, for a `sskiosk serve` process of its own.
    let path: String
    let here: KioskCore.Person
    let elsewhere: KioskCore.Person
    /// The holder of the simulated card (seed 7), cached in the terminal's township.
    let resident: KioskCore.Person
    let kioskSlot: CardSlot
    let deskSlot: CardSlot
    let printer: ScriptedPrinter
    let clock: Clock

    static let password = "right password"
    static let kioskReader = "Kiosk Reader"
    static let deskReader = "Desk Reader"

    /// The time the service sees: now, plus what the test has moved it on by.
    final class Clock: Sendable {
        private let offset = Mutex<TimeInterval>(0)
        func advance(by seconds: TimeInterval) { offset.withLock { $0 += seconds } }
        func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }
    }

    /// `diagnostics` gets the store's file, for checks of the cache the terminal really uses, and
    /// whether a resident's session holds the card.
    static func make(
        diagnostics: (@Sendable (_ databasePath: String, _ cardInUse: Bool) async -> DiagnosticsReport)? = nil,
        certificates: (any DocumentRegister)? = nil,
        logger: Logger = Logger(label: "sskiosk.server")
    ) throws -> TestTerminal {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-\(UUID()).sqlite").path
        let store = try SQLiteKioskStore(
            path: path, ledgerKey: try LedgerKeyFile.readOrCreate(ServiceProcess.ledgerKeyPath(for: path)))
        let here = KioskCore.Person(
            idNumber: "430102198507141238", name: "张三", sex: .male,
            birthDate: try CardDate(year: 1985, month: 7, day: 14), regionCode: "430102001001")
        let elsewhere = KioskCore.Person(
            idNumber: "11010519491231002X", name: "李四", sex: .female,
            birthDate: try CardDate(year: 1949, month: 12, day: 31), regionCode: "110105001001")
        let holder = try CardFixtures.person(seed: 7).cardholder
        let resident = KioskCore.Person(
            idNumber: holder.socialSecurityNumber.unmaskedValue, name: holder.name, sex: holder.sex,
            birthDate: holder.birthDate, regionCode: "430102001002")
        let (kioskSlot, deskSlot, printer, clock) = (CardSlot(), CardSlot(), ScriptedPrinter(), Clock())
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID())")
        var terminalDiagnostics: (@Sendable (Bool) async -> DiagnosticsReport)?
        if let diagnostics { terminalDiagnostics = { await diagnostics(path, $0) } }
        let terminal = KioskTerminal(
            configuration: KioskServerConfiguration(
                port: 8080, residentReader: kioskReader, deskReader: deskReader, documentQueue: "rig-a4",
                cardQueue: "rig-card", receiptQueue: "rig-receipt"),
            store: store,
            cards: ResidentCardReader(keys: CardFixtures.keys, cards: kioskSlot),
            desk: DeskCardWriter(
                keys: CardFixtures.keys, journal: try FileJournal(directory: journal), cards: deskSlot),
            printService: printer,
            documentSigner: Ed25519Signer(keyID: "test", privateKey: Curve25519.Signing.PrivateKey()),
            logger: logger,
            now: { clock.now() },
            diagnostics: terminalDiagnostics,
            certificates: certificates
        )
        return TestTerminal(
            terminal: terminal, store: store, path: path, here: here, elsewhere: elsewhere, resident: resident,
            kioskSlot: kioskSlot, deskSlot: deskSlot, printer: printer, clock: clock)
    }

    /// Terminal identity, the people, one account per role in township 430102001 (two each), and a
    /// clerk and a supervisor of 110105001.
    func seed() async throws {
        try await store.setTerminal(
            TerminalIdentity(terminalID: "T1", jurisdiction: try Jurisdiction("430102001"), name: "测试"))
        try await store.applyReferenceData(
            ReferenceDataPage(
                people: [here, elsewhere, resident],
                enrolments: [here, resident].map {
                    KioskCore.Enrolment(
                        idNumber: $0.idNumber, insurance: .residentPension, since: YearMonth("2020-01")!,
                        status: .active,
                        unit: "个人")
                },
                contributions: [here, resident].map {
                    Contribution(
                        idNumber: $0.idNumber, insurance: .residentPension, month: YearMonth("2024-01")!,
                        baseFen: 400_000,
                        personalFen: 32_000, employerFen: 64_000, paid: true)
                },
                cursor: "1",
                asOf: Date(timeIntervalSince1970: 1_790_000_000)
            )
        )
        for role in Role.allCases {
            for n in 1...2 { try await addStaff("\(role.rawValue)\(n)", role, "430102001") }
        }
        try await addStaff("clerk-elsewhere", .clerk, "110105001")
        try await addStaff("supervisor-elsewhere", .supervisor, "110105001")
    }

    private func addStaff(_ id: String, _ role: Role, _ region: String) async throws {
        try await store.addStaff(
            StaffAccount(
                member: StaffMember(id: id, name: role.rawValue, role: role, jurisdiction: try Jurisdiction(region)),
                password: try PasswordHash(hashing: Self.password, cost: 10), mustChangePassword: false,
                isDisabled: false),
            by: .administrator(account: "test"), at: Date())
    }

    /// Puts the resident's card in the kiosk's reader as pcscd would report it.
    func insertResidentCard() async throws {
        kioskSlot.insert(try CardFixtures.image(seed: 7))
        await terminal.controller.handle(.cardInserted(reader: Self.kioskReader, atr: []))
    }

    func removeResidentCard() async {
        await terminal.controller.handle(.cardRemoved(reader: Self.kioskReader))
    }
}
