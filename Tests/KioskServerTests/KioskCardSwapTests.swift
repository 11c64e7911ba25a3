import CardSimulator
import CardTestSupport
import Foundation
import KioskCore
import SocialSecurityCard
import Testing

@testable import KioskServer

/// A card swapped while the kiosk waits for, or checks, the PIN: the PIN typed for the first card
/// never reaches the second, opens no session, and costs the second card no try.
@Suite("Kiosk: the PIN is bound to the card it was asked for")
struct KioskCardSwapTests {
    /// Another resident's card, with a PIN of its own.
    static func otherCard() throws -> CardImage {
        try CardFixtures.person(seed: 8).image(
            algorithm: .sm4, transmission: .t1, blank: false, keys: CardFixtures.keys, pin: "975310")
    }

    func withKiosk(_ body: @escaping @Sendable (StaffAPITests.Client, TestTerminal) async throws -> Void) async throws {
        let terminal = try TestTerminal.make()
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            try await body(StaffAPITests.Client(client: client), terminal)
        }
    }

    @Test("a card swapped in before pcscd's event is refused with card-changed before VERIFY; no try is used")
    func swappedBeforeTheEvent() async throws {
        try await withKiosk { api, terminal in
            try await terminal.insertResidentCard()
            terminal.kioskSlot.insert(try Self.otherCard())
            let before = terminal.kioskSlot.card?.image.pinTriesLeft
            let reply = try await api.call(.post, "/api/session/pin", json: #"{"pin":"\#(CardFixtures.pin)"}"#)
            #expect(reply.status == 409 && reply.body["code"] as? String == "card-changed", "\(reply.text)")
            #expect((reply.body["messageChinese"] as? String)?.contains("更换") == true)
            #expect(terminal.kioskSlot.card?.image.pinTriesLeft == before)
            let sent = try #require(terminal.kioskSlot.sentINS)
            #expect(!sent.contains(0x20), "the swapped-in card got a VERIFY")
            let status = try await api.call(.get, "/api/session")
            #expect(status.body["state"] as? String == "pin-required")
        }
    }

    @Test("a PIN sent for an insertion that has ended is refused, the card now in gets its own prompt")
    func pinForAnEndedInsertion() async throws {
        try await withKiosk { api, terminal in
            try await terminal.insertResidentCard()
            let first = try #require(try await api.call(.get, "/api/session").body["card"] as? String)
            await terminal.removeResidentCard()
            terminal.kioskSlot.insert(try Self.otherCard())
            await terminal.terminal.controller.handle(.cardInserted(reader: TestTerminal.kioskReader, atr: []))
            let second = try #require(try await api.call(.get, "/api/session").body["card"] as? String)
            #expect(second != first)

            let stale = try await api.call(
                .post, "/api/session/pin", json: #"{"pin":"\#(CardFixtures.pin)","card":"\#(first)"}"#)
            #expect(stale.status == 409 && stale.body["code"] as? String == "card-changed", "\(stale.text)")
            #expect(terminal.kioskSlot.card?.image.pinTriesLeft == 3)

            let own = try await api.call(.post, "/api/session/pin", json: #"{"pin":"975310","card":"\#(second)"}"#)
            #expect(own.status == 201, "\(own.text)")
            #expect(own.body["name"] as? String == (try CardFixtures.person(seed: 8).cardholder.name))
        }
    }

    @Test("a card swapped while VERIFY is on its way (the card answers, then is found another) opens nothing")
    func swappedDuringVerify() async throws {
        try await withKiosk { api, terminal in
            try await terminal.insertResidentCard()
            // The resident's card answers VERIFY and is then pulled and replaced by another before the
            // kiosk reads it back: SELECT 3F00, SELECT SSSE, READ EF05, VERIFY, then the swap.
            terminal.kioskSlot.swap(after: 4, to: try Self.otherCard())
            let reply = try await api.call(.post, "/api/session/pin", json: #"{"pin":"\#(CardFixtures.pin)"}"#)
            #expect(reply.status == 409 && reply.body["code"] as? String == "card-changed", "\(reply.text)")
            #expect(try await api.call(.get, "/api/session").body["state"] as? String == "pin-required")
            #expect(terminal.kioskSlot.card?.image.pinTriesLeft == 3)
        }
    }
}
