import CardCrypto
import CardSimulator
import CardTestSupport
import Foundation
import SmartCard
import SocialSecurityCard
import TestSupport
import Testing

extension RigTests {
    /// The card issue's "What it must show", through pcscd and vpcd: a simulated card in slot 0, a
    /// simulated PSAM in slot 1 as a desk's key provider. The in-process versions of these tests
    /// (Tests/SocialSecurityCardTests) prove the logic; these prove it over real PC/SC, where a
    /// pulled card is an error from pcscd and a card's state lives in its persisted image.
    @Suite("The social security card through pcscd")
    struct SocialSecurityCardOnTheRig {
        static let newPIN = "246810"

        // MARK: Reading

        @Test(
            "every generation and both algorithms read back the person on the card, 3.0 with the PSAM's read key",
            arguments: [
                (CardGeneration.v1, CardAlgorithm.des, CardImage.Transmission.t0), (.v1, .sm4, .t1),
                (.v2, .des, .t1), (.v2, .sm4, .t0), (.v3, .des, .t0), (.v3, .sm4, .t1),
            ])
        func readsEveryGeneration(
            generation: CardGeneration, algorithm: CardAlgorithm, transmission: CardImage.Transmission
        ) async throws {
            guard Rig.isUp() else { return }
            let expected = try CardFixtures.person(seed: 21, generation: generation)
            let image = try CardFixtures.image(
                seed: 21, generation: generation, algorithm: algorithm, transmission: transmission)
            try await Self.withPSAM { psam in
                try await Rig.withCard(SimulatedSocialSecurityCard(image: image)) { _, connection in
                    let session = try await SocialSecurityCardSession.open(connection)
                    #expect(session.algorithm == algorithm)
                    let identity = try await session.readIdentity()
                    #expect(identity == expected.identity)
                    #expect(try await session.readCardholder(of: identity, keys: psam) == expected.cardholder)
                }
            }
        }

        // MARK: PIN

        @Test(
            "wrong PINs count down and block, the block survives a pull, the PSAM unblocks",
            arguments: [CardAlgorithm.des, .sm4])
        func pinBlockAndUnblock(algorithm: CardAlgorithm) async throws {
            guard Rig.isUp() else { return }
            let card = try PersistedCard(try CardFixtures.image(seed: 22, algorithm: algorithm, transmission: .t0))
            try await Rig.withCard(card.simulated()) { _, connection in
                let session = try await SocialSecurityCardSession.open(connection)
                #expect(try await session.pinTriesLeft() == 3)
                for triesLeft in [2, 1] {
                    await #expect { try await session.verify(try PIN(digits: "000000")) } throws: {
                        ($0 as? SocialSecurityCardError)?.triesLeft == triesLeft
                    }
                    #expect(try await session.pinTriesLeft() == triesLeft)
                }
                await #expect(throws: SocialSecurityCardError.pinBlocked) {
                    try await session.verify(try PIN(digits: "000000"))
                }
            }
            #expect(try card.image().pinTriesLeft == 0)

            try await Self.withPSAM { psam in
                try await Rig.withCard(card.simulated()) { _, connection in
                    let session = try await SocialSecurityCardSession.open(connection)
                    await #expect(throws: SocialSecurityCardError.pinBlocked) {
                        try await session.verify(try PIN(digits: CardFixtures.pin))
                    }
                    try await session.unblockPIN(keys: psam, identity: try await session.readIdentity())
                    #expect(try await session.pinTriesLeft() == 3)
                    try await session.verify(try PIN(digits: CardFixtures.pin))
                }
            }
            #expect(try card.image().pinTriesLeft == 3)
        }

        // MARK: Personalisation

        @Test(
            "a blank card personalised with the PSAM reads back as the person after a reinsertion",
            arguments: [
                (CardGeneration.v2, CardAlgorithm.des, CardImage.Transmission.t0), (.v3, .sm4, .t1), (.v3, .des, .t1),
            ])
        func personaliseAndReadBack(
            generation: CardGeneration, algorithm: CardAlgorithm, transmission: CardImage.Transmission
        ) async throws {
            guard Rig.isUp() else { return }
            let expected = try CardFixtures.person(seed: 23, generation: generation)
            let card = try PersistedCard(
                try CardFixtures.image(
                    seed: 23, generation: generation, algorithm: algorithm, transmission: transmission, blank: true))
            let journal = try FileJournal(directory: card.directory.appendingPathComponent("journal"))
            try await Self.withPSAM { psam in
                let report = try await Rig.withCard(card.simulated()) { _, connection in
                    try await Self.personalise(connection, expected, keys: psam, journal: journal)
                }
                #expect(!report.resumed)
                #expect(report.stepsDone == report.totalSteps)
                #expect(try await journal.entry(for: expected.identity.cardIdentifier) == nil)

                try await Rig.withCard(card.simulated()) { _, connection in
                    let session = try await SocialSecurityCardSession.open(connection)
                    let identity = try await session.readIdentity()
                    #expect(identity == expected.identity)
                    #expect(try await session.readCardholder(of: identity, keys: psam) == expected.cardholder)
                    try await session.verify(try PIN(digits: Self.newPIN))
                }
            }
        }

        /// Pulls the card at every APDU of a personalisation, before and after the card acts on it.
        /// After each pull the persisted image, reinserted, must read as unfinished or as wholly
        /// right, never as valid with part of its data; the personaliser then finishes the job from
        /// its journal on that same insertion.
        @Test("a card pulled at any APDU of a personalisation is never half valid, and the job finishes")
        func tearingAtEveryAPDU() async throws {
            guard Rig.isUp() else { return }
            let expected = try CardFixtures.person(seed: 24)
            let blank = try CardFixtures.image(seed: 24, algorithm: .sm4, transmission: .t0, blank: true)
            // The card's APDUs do not depend on who holds the keys: count them in process.
            let counting = CardFixtures.channel(blank)
            _ = try await Personaliser(keys: CardFixtures.keys, journal: MemoryJournal()).personalise(
                try await SocialSecurityCardSession.open(counting), identity: expected.identity,
                cardholder: expected.cardholder, pin: try PIN(digits: Self.newPIN))
            let total = counting.sent.count
            #expect(total > 30)

            var outcomes: Set<String> = []
            try await Self.withPSAM { psam in
                for n in 1...total {
                    for faults in [FaultPlan(removeBeforeAPDU: n), FaultPlan(removeAfterAPDU: n)] {
                        let pulled = faults.removeBeforeAPDU != nil ? "before APDU \(n)" : "after APDU \(n)"
                        let card = try PersistedCard(blank)
                        let journal = try FileJournal(directory: card.directory.appendingPathComponent("journal"))
                        try await Rig.withCard(card.simulated(), faults: faults) { _, connection in
                            await #expect("pulled \(pulled)") {
                                try await Self.personalise(connection, expected, keys: psam, journal: journal)
                            } throws: {
                                ($0 as? SocialSecurityCardError)?.underlying == .cardRemoved
                            }
                        }
                        try await Rig.withCard(card.simulated()) { _, connection in
                            let session = try await SocialSecurityCardSession.open(connection)
                            do {
                                let identity = try await session.readIdentity()
                                outcomes.insert("complete")
                                #expect(identity == expected.identity, "pulled \(pulled)")
                                #expect(
                                    try await session.readCardholder(of: identity, keys: psam)
                                        == expected.cardholder, "pulled \(pulled)")
                            } catch {
                                outcomes.insert("unfinished")
                                #expect(
                                    (error as? SocialSecurityCardError) == .personalisationIncomplete,
                                    "pulled \(pulled): \(error)")
                            }
                            _ = try await Self.personalise(connection, expected, keys: psam, journal: journal)
                            let identity = try await session.readIdentity()
                            #expect(
                                try await session.readCardholder(of: identity, keys: psam) == expected.cardholder,
                                "finishing after a pull \(pulled)")
                        }
                    }
                }
                // Both outcomes occur, and the loop covered every APDU: one more and the card stays.
                #expect(outcomes == ["complete", "unfinished"])
                let card = try PersistedCard(blank)
                try await Rig.withCard(card.simulated(), faults: FaultPlan(removeBeforeAPDU: total + 1)) {
                    _, connection in
                    _ = try await Self.personalise(connection, expected, keys: psam, journal: MemoryJournal())
                }
            }
        }

        // MARK: Blocking

        @Test(
            "an application block survives a pull; APPLICATION UNBLOCK (unverified) under the PSAM's key lifts it, other keys do not",
            arguments: [CardAlgorithm.des, .sm4])
        func applicationBlockAndUnblock(algorithm: CardAlgorithm) async throws {
            guard Rig.isUp() else { return }
            let card = try PersistedCard(try CardFixtures.image(seed: 27, algorithm: algorithm, transmission: .t0))
            let identity = try await Self.withPSAM { psam in
                try await Rig.withCard(card.simulated()) { _, connection in
                    let session = try await SocialSecurityCardSession.open(connection)
                    let identity = try await session.readIdentity()
                    try await session.blockApplication(keys: psam, identity: identity)
                    return identity
                }
            }
            #expect(try card.image().applicationBlocked)

            try await Self.withPSAM(keys: try CardFixtures.wrongKeys()) { psam in
                try await Rig.withCard(card.simulated()) { _, connection in
                    let session = try await SocialSecurityCardSession.open(connection)
                    await #expect(throws: SocialSecurityCardError.applicationBlocked) {
                        try await session.readIdentity()
                    }
                    await #expect(throws: SocialSecurityCardError.macRejected(statusWord: .success)) {
                        try await session.unblockApplication(keys: psam, cardIdentifier: identity.cardIdentifier)
                    }
                }
            }
            #expect(try card.image().applicationBlocked)

            try await Self.withPSAM { psam in
                try await Rig.withCard(card.simulated()) { _, connection in
                    let session = try await SocialSecurityCardSession.open(connection)
                    try await session.unblockApplication(keys: psam, cardIdentifier: identity.cardIdentifier)
                    #expect(try await session.readIdentity() == identity)
                    try await session.verify(try PIN(digits: CardFixtures.pin))
                }
            }
            #expect(try !card.image().applicationBlocked)
        }

        @Test("sskiosk card block, then sskiosk card unblock with the card identifier, both with the PSAM")
        func blockAndUnblockCommands() async throws {
            guard Rig.isUp() else { return }
            let person = try CardFixtures.person(seed: 28)
            let image = FileManager.default.temporaryDirectory.appendingPathComponent("card-\(UUID().uuidString).json")
            let file = CardImageFile(url: image)
            try file.save(try CardFixtures.image(seed: 28))
            let options = ["--reader", Rig.reader0, "--psam-reader", Rig.reader1]
            try await withCleanup {
                try await Rig.run("card", "insert", "psam", "1")
                try await Rig.run("card", "insert", "ss-card", "0", image.path)
                let blocked = try await CommandRun.run([Rig.sskiosk, "card", "block"] + options)
                #expect(blocked.status == 0, "\(blocked.output)")
                #expect(try file.load().applicationBlocked)
                // As `sskiosk card read` shows it: a blocked application no longer lets EF05 be read.
                let identifier = person.identity.cardIdentifier.description
                let unblocked = try await CommandRun.run(
                    [Rig.sskiosk, "card", "unblock", "--card-identifier", identifier] + options)
                #expect(unblocked.status == 0, "\(unblocked.output)")
                #expect(unblocked.output.contains("unblocked"))
                #expect(try !file.load().applicationBlocked)
            } cleanup: {
                try await Rig.run("card", "remove", "0")
                try await Rig.run("card", "remove", "1")
                try? FileManager.default.removeItem(at: image)
            }
        }

        // MARK: Refusals

        @Test("a PSAM with the wrong keys: MAC rejected, the card's image unchanged, unblock refused too")
        func wrongKeys() async throws {
            guard Rig.isUp() else { return }
            let expected = try CardFixtures.person(seed: 25)
            let blank = try CardFixtures.image(seed: 25, algorithm: .des, blank: true)
            let card = try PersistedCard(blank)
            try await Self.withPSAM(keys: try CardFixtures.wrongKeys()) { psam in
                try await Rig.withCard(card.simulated()) { _, connection in
                    await #expect(throws: SocialSecurityCardError.macRejected(statusWord: .success)) {
                        try await Self.personalise(connection, expected, keys: psam, journal: MemoryJournal())
                    }
                }
                #expect(try card.image() == blank)

                let issued = try PersistedCard(try CardFixtures.image(seed: 25, algorithm: .des))
                try await Rig.withCard(issued.simulated()) { _, connection in
                    let session = try await SocialSecurityCardSession.open(connection)
                    await #expect { try await session.verify(try PIN(digits: "000000")) } throws: {
                        ($0 as? SocialSecurityCardError)?.triesLeft == 2
                    }
                    await #expect(throws: SocialSecurityCardError.macRejected(statusWord: .success)) {
                        try await session.unblockPIN(keys: psam, identity: try await session.readIdentity())
                    }
                    #expect(try await session.pinTriesLeft() == 2)
                }
                #expect(try issued.image().pinTriesLeft == 2)
            }
        }

        @Test("a name with a character outside GBK stops the job before the card is touched")
        func rareCharacter() async throws {
            guard Rig.isUp() else { return }
            let expected = try CardFixtures.person(seed: 26, name: "王𠮷")
            let blank = try CardFixtures.image(seed: 26, blank: true)
            let card = try PersistedCard(blank)
            try await Self.withPSAM { psam in
                try await Rig.withCard(card.simulated()) { _, connection in
                    await #expect(throws: SocialSecurityCardError.cardData("")) {
                        try await Self.personalise(connection, expected, keys: psam, journal: MemoryJournal())
                    }
                }
            }
            #expect(try card.image() == blank)
        }

        // MARK: Helpers

        /// Runs `body` with a PSAM holding `keys` in slot 1, as a desk's key provider.
        @discardableResult
        static func withPSAM<T>(
            keys: SoftwareKeySet = CardFixtures.keys,
            _ body: (PSAMKeyProvider) async throws -> T
        ) async throws -> T {
            let psam = SimulatedPSAM(keys: keys, terminalNumber: [0x00, 0x00, 0x00, 0x00, 0x00, 0x24])
            return try await Rig.withCard(psam, slot: 1) { _, connection in
                try await body(try await PSAMKeyProvider(channel: connection))
            }
        }

        static func personalise(
            _ connection: CardConnection,
            _ person: SyntheticCard,
            keys: any KeyProvider,
            journal: any PersonalisationJournal
        ) async throws -> Personaliser.Report {
            try await Personaliser(keys: keys, journal: journal).personalise(
                try await SocialSecurityCardSession.open(connection), identity: person.identity,
                cardholder: person.cardholder, pin: try PIN(digits: newPIN))
        }
    }
}

/// A simulated card whose state persists in an image file, as the rig's `sim insert ss-card` keeps
/// it: pulled and inserted again, it is the same card with every write that reached it. The file's
/// directory goes when the value does.
final class PersistedCard {
    let directory: URL
    private let file: CardImageFile

    init(_ image: CardImage) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rig-card-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        file = CardImageFile(url: directory.appendingPathComponent("card.json"))
        try file.save(image)
    }

    func image() throws -> CardImage { try file.load() }

    /// The card as it is now, saving every change back to the file.
    func simulated() throws -> SimulatedSocialSecurityCard {
        let file = self.file
        return SimulatedSocialSecurityCard(image: try file.load()) { try? file.save($0) }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
