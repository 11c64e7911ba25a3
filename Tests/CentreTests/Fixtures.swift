import Centre
import Foundation
import KioskCore
import Vocabulary

/// Synthetic data and commands for the centre's tests: two small townships of one county, and a
/// terminal registered for the first.
enum Fixtures {
    static let county = "430121"
    static let home = "430121101"
    static let neighbour = "430121102"
    static let now = Date(milliseconds: 1_790_000_000_000)

    static func township(_ region: String, people: Int = 12, seed: UInt64 = 7) -> SyntheticTownship {
        SyntheticTownship(
            seed: seed, regionCode: region, people: people, months: 24, lastMonth: YearMonth(year: 2026, month: 10)!,
            pageSize: 5)
    }

    /// Every page of a township, as the generator makes them.
    static func pages(_ township: SyntheticTownship) -> [ReferenceDataPage] { Array(township) }

    static func terminal(_ id: String = "T-101", jurisdiction: String = home) throws -> (
        RegisteredTerminal, token: String
    ) {
        let token = TerminalToken.make()
        return (
            RegisteredTerminal(
                id: id, jurisdiction: try Jurisdiction(jurisdiction), name: "测试终端",
                tokenHash: TerminalToken.hash(token),
                registeredAt: now),
            token
        )
    }

    /// A store with both townships loaded and the home terminal registered.
    static func load(_ store: any CentreStore) async throws -> (
        home: [ReferenceDataPage], neighbour: [ReferenceDataPage]
    ) {
        let home = pages(township(Self.home))
        let neighbour = pages(township(Self.neighbour, seed: 8))
        for page in home + neighbour { try await store.load(page) }
        return (home, neighbour)
    }

    static func command(_ kind: SyncCommandKind, _ payload: some Encodable, key: String, base: Int? = nil) throws
        -> SyncCommand
    {
        SyncCommand(
            idempotencyKey: key, kind: kind, payload: try SyncJSON.encoder().encode(payload), baseVersion: base,
            createdAt: now)
    }

    static func application(
        _ id: String, for person: Person, kind: ApplicationKind = .unemploymentRegistration,
        status: ApplicationStatus = .submitted
    ) -> Application {
        Application(
            id: id, kind: kind, idNumber: person.idNumber, status: status, submittedBy: "clerk1", submittedAt: now,
            terminalID: "T-101", regionCode: person.regionCode)
    }

    /// A card number no synthetic person holds.
    static func newCardNumber(_ index: Int) -> String { "Z\(String(10_000_000 + index))" }
}
