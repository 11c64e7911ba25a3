import CardSimulator
import CardTestSupport
import Foundation
import SmartCard
import SocialSecurityCard
import TestSupport
import Testing

@testable import KioskServer

extension RigTests {
    /// Issue 22 through pcscd: a card the terminal is done with is reset, so nothing it verified
    /// stays open for the next program; and a PIN typed for one card never reaches another swapped
    /// in before or while it is checked.
    @Suite("Card sessions on the rig: reset at the end, bound to the card")
    struct CardSessionsOnTheRig {
        static let pinA = TerminalJourney.pin
        static let pinB = "975310"

        /// What a program that connects after the terminal finds on the card in slot 0, selecting
        /// nothing: the PIN's state (VERIFY with no data: `9000` verified, `63Cx` not) and the
        /// cardholder file (EF06; a 3.0 card's read key) in whatever directory is current.
        static func securityState() async throws -> (pin: StatusWord, cardholder: StatusWord) {
            let connection = try await PCSCContext().connect(reader: Rig.reader0)
            defer { try? connection.disconnect(.leave) }
            let pin = try await connection.transmit(.verify()).statusWord
            let cardholder = try await connection.transmit(.readRecords(sfi: 6)).statusWord
            return (pin, cardholder)
        }

        /// A card image of synthetic person `seed` with `pin`, in a temporary file (the rig's
        /// simulated card saves its tries back to it).
        static func image(seed: Int, pin: String) async throws -> String {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("card-\(UUID().uuidString).json")
            let result = try await CommandRun.run([
                Rig.sskiosk, "sim", "image", "--seed", String(seed), "--keys", CardFixtures.keysURL.path, "--pin", pin,
                "--output", path.path,
            ])
            guard result.status == 0 else { throw RigFailure(description: "sim image: \(result.standardError)") }
            return path.path
        }

        static func triesLeft(_ image: String) throws -> Int {
            try CardImageFile(url: URL(fileURLWithPath: image)).load().pinTriesLeft
        }

        @Test("after a resident's session the card is reset: a new connection finds no PIN verified, no key open")
        func sessionEndsWithAReset() async throws {
            try await TerminalJourney().withServer { server in
                let events = try await server.openEvents()
                try await Rig.run("card", "insert", "ss-card", "0", try await Self.image(seed: 1, pin: Self.pinA))
                try await server.waitForEvent("pin-required", containing: Rig.reader0, in: events)
                let session = try await server.call("POST", "/api/session/pin", json: #"{"pin":"\#(Self.pinA)"}"#)
                #expect(session.status == 201, "\(session.text)")
                let token = try #require(session.json["token"] as? String)
                #expect(try await server.call("GET", "/api/me", token: token).status == 200)
                #expect(try await server.call("DELETE", "/api/session", token: token).status == 204)

                let state = try await Self.securityState()
                #expect(state.pin.value == 0x63C3, "VERIFY with no data answered \(state.pin): the PIN stayed verified")
                #expect(!state.cardholder.isSuccess, "EF06 read without its key: \(state.cardholder)")
                // The resets did not look like a new card to the kiosk: one prompt, one session.
                let stream = try String(contentsOf: events, encoding: .utf8)
                #expect(stream.components(separatedBy: #""type":"pin-required""#).count == 2, "\(stream)")
                #expect(!stream.contains(#""type":"card-removed""#), "\(stream)")
            }
        }

        @Test("card A's PIN sent after B was swapped in: refused as card-changed, no session, B's tries untouched")
        func swapBeforeThePIN() async throws {
            try await TerminalJourney().withServer { server in
                let events = try await server.openEvents()
                let (imageA, imageB) = (
                    try await Self.image(seed: 1, pin: Self.pinA), try await Self.image(seed: 2, pin: Self.pinB)
                )
                try await Rig.run("card", "insert", "ss-card", "0", imageA)
                try await server.waitForEvent("pin-required", containing: Rig.reader0, in: events)
                let cardA = try #require(try await server.call("GET", "/api/session").json["card"] as? String)

                try await Rig.run("card", "remove", "0")
                try await Rig.run("card", "insert", "ss-card", "0", imageB)
                var cardB: String?
                try await eventually("the kiosk to read card B") {
                    cardB = try await server.call("GET", "/api/session").json["card"] as? String
                    return cardB != nil && cardB != cardA
                }
                let refused = try await server.call(
                    "POST", "/api/session/pin", json: #"{"pin":"\#(Self.pinA)","card":"\#(cardA)"}"#)
                #expect(refused.status == 409 && refused.json["code"] as? String == "card-changed", "\(refused.text)")
                #expect(try Self.triesLeft(imageB) == 3, "card B lost a try to card A's PIN")
                let status = try await server.call("GET", "/api/session")
                #expect(status.json["state"] as? String == "pin-required" && status.json["triesLeft"] as? Int == 3)
                #expect(!(try String(contentsOf: events, encoding: .utf8)).contains(#""type":"session-started""#))

                // B's own PIN, for B's insertion, opens B's holder's session, not A's.
                let own = try await server.call(
                    "POST", "/api/session/pin", json: #"{"pin":"\#(Self.pinB)","card":"\#(try #require(cardB))"}"#)
                #expect(own.status == 201, "\(own.text)")
                #expect(own.json["name"] as? String == (try SyntheticCard(seed: 2).cardholder.name))
                #expect(try Self.triesLeft(imageA) == 3)
            }
        }

        @Test(
            "the kiosk's reader through pcscd: a card pulled at VERIFY opens nothing; another card is refused before VERIFY"
        )
        func swapAroundVerify() async throws {
            guard Rig.isUp() else { return }
            try await Rig.run("card", "remove", "0")
            let cardA = try PersistedCard(try CardFixtures.image(seed: 31, generation: .v2))
            let cardB = try PersistedCard(
                try CardFixtures.person(seed: 32, generation: .v2).image(
                    algorithm: .sm4, transmission: .t1, blank: false, keys: CardFixtures.keys, pin: Self.pinB))
            let reader = ResidentCardReader.pcsc(try PCSCContext(), keys: nil)

            // A is pulled when VERIFY arrives: SELECT 3F00, SELECT SSSE, READ EF05 and the VERIFY
            // probe of `inspect` are APDUs 1-4; the check's SELECTs and READ EF05 are 5-7.
            let identityA = try await Self.withCard(cardA, faults: FaultPlan(removeBeforeAPDU: 8)) {
                let (identity, tries) = try await reader.inspect(reader: Rig.reader0)
                #expect(tries == 3)
                await #expect(throws: (any Error).self) {
                    _ = try await reader.verify(try PIN(digits: Self.pinA), on: identity, reader: Rig.reader0)
                }
                return identity
            }
            #expect(try cardA.image().pinTriesLeft == 3)

            // B in the reader: A's PIN is refused before any VERIFY reaches B.
            try await Self.withCard(cardB) {
                await #expect(throws: SocialSecurityCardError.cardChanged) {
                    _ = try await reader.verify(try PIN(digits: Self.pinA), on: identityA, reader: Rig.reader0)
                }
            }
            #expect(try cardB.image().pinTriesLeft == 3)
        }

        @Test("sskiosk card pin takes each PIN from its own line of standard input, and never repeats one")
        func cardPINCommand() async throws {
            guard Rig.isUp() else { return }
            try await Rig.run("card", "remove", "0")
            let card = try PersistedCard(try CardFixtures.image(seed: 33))
            let newPIN = "246813"
            /// `sskiosk card pin ACTION` on slot 0 with `lines` piped to it, as a script would.
            func pin(_ action: String, _ lines: String...) async throws -> CommandRun {
                let input = lines.map { $0 + "\\n" }.joined()
                return try await CommandRun.run([
                    "/bin/sh", "-c", "printf '\(input)' | \"$0\" card pin \(action) --reader \"$1\"", Rig.sskiosk,
                    Rig.reader0,
                ])
            }
            try await Self.withCard(card) {
                let changed = try await pin("change", CardFixtures.pin, newPIN)
                #expect(changed.status == 0 && changed.output.contains("PIN changed."), "\(changed.output)")
                let verified = try await pin("verify", newPIN)
                #expect(verified.status == 0 && verified.output.contains("PIN correct."), "\(verified.output)")
                let refused = try await pin("verify", "12a456")
                #expect(refused.status != 0 && refused.output.contains("A PIN is 6 digits"), "\(refused.output)")
                for run in [changed, verified, refused] {
                    #expect(
                        ![CardFixtures.pin, newPIN, "12a456"].contains { run.output.contains($0) }, "\(run.output)")
                }
            }
            #expect(try card.image().pinTriesLeft == 3)
        }

        /// Runs `body` with `card` in slot 0, seen by pcscd; the card is out again afterwards.
        @discardableResult
        static func withCard<T>(
            _ card: PersistedCard, faults: FaultPlan = .none, _ body: () async throws -> T
        ) async throws -> T {
            let inserted = try await InsertedCard.insert(try card.simulated(), port: Rig.slot0Port, faults: faults)
            return try await withCleanup {
                try await Rig.connectWhenPresent(Rig.reader0).disconnect(.leave)
                return try await body()
            } cleanup: {
                await inserted.remove()
                try await Rig.waitUntilEmpty(Rig.reader0)
            }
        }
    }
}
