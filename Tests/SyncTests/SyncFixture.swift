import Foundation
import KioskCore
import KioskSQLite
import SocialSecurityCard

/// A terminal store in a temporary file with writes in its outbox, and a fake centre.
struct SyncFixture {
    let store: SQLiteKioskStore
    let centre = FakeCentre()

    static let township = try! Jurisdiction("430102001")
    static let clerk = Principal.staff(StaffMember(id: "clerk-1", name: "经办人甲", role: .clerk, jurisdiction: township))
    static let residents: [String] = {
        var generator = SyntheticIdentity.Generator(seed: 91, rareNames: false, homeRegion: "430102001")
        return (0..<8).map { _ in generator.next().idNumber.unmaskedValue }
    }()
    static let monday = ISO8601DateFormatter().date(from: "2026-11-23T02:00:00Z")!

    var engine: SyncEngine<FakeCentre> { SyncEngine(store: store, link: centre, batchSize: 3, now: { Self.monday }) }

    static func with<T>(_ body: (SyncFixture) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteKioskStore(
            path: directory.appendingPathComponent("terminal.sqlite").path, ledgerKey: .generate())
        try await store.setTerminal(TerminalIdentity(terminalID: "T-0042", jurisdiction: township, name: "测试终端"))
        return try await body(SyncFixture(store: store))
    }

    /// Five applications, then a card reported lost: six submissions and five card moves, the
    /// loss report among them.
    func fill() async throws {
        for resident in Self.residents.prefix(5) {
            _ = try await store.submit(
                .init(kind: .trainingSignUp, idNumber: resident), by: Self.clerk, at: Self.monday)
        }
        _ = try await store.requestCard(
            cardNumber: "B00000001", for: Self.residents[5], by: Self.clerk, at: Self.monday)
        for status in [CardStatus.inProduction, .readyAtDesk, .issued, .lost] {
            _ = try await store.move(card: "B00000001", to: status, by: Self.clerk, at: Self.monday)
        }
    }
}
