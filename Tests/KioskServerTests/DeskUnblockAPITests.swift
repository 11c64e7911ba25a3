import CardSimulator
import CardTestSupport
import Foundation
import KioskCore
import SocialSecurityCard
import Testing

@testable import KioskServer

/// The desk's unblock of a chip's application (`POST /api/cards/{cardNumber}/unblock`): only for a
/// card in use that was personalised here, only on that card's chip, and on the ledger.
@Suite("Desk: unblocking the application of a card's chip")
struct DeskUnblockAPITests {
    static let cardNumber = DeskAPITests.cardNumber

    @Test(
        "a clerk unblocks the chip of an issued card in the desk reader; another chip or a card not in use is refused")
    func unblock() async throws {
        try await DeskAPITests().withDesk { api, terminal in
            let (clerk, _) = try await DeskAPITests().approvedCard(api, terminal)
            terminal.deskSlot.insert(try CardFixtures.image(seed: 21, blank: true))
            let written = try await api.call(
                .post, "/api/cards/\(Self.cardNumber)/personalise", token: clerk,
                json: #"{"pin":"654321","ethnicity":"01"}"#)
            #expect(written.status == 200, "\(written.text)")
            let early = try await api.call(.post, "/api/cards/\(Self.cardNumber)/unblock", token: clerk)
            #expect(early.status == 409 && early.body["code"] as? String == "card-not-unblockable", "\(early.text)")
            // A colleague hands out the card the clerk wrote (two people for a new card).
            let issued = try await api.call(
                .post, "/api/cards/\(Self.cardNumber)/status", token: try await api.login("clerk2"),
                json: #"{"status":"issued"}"#)
            #expect(issued.status == 200, "\(issued.text)")

            let channel = try terminal.deskSlot.channel()
            let session = try await SocialSecurityCardSession.open(channel)
            try await session.blockApplication(keys: CardFixtures.keys, identity: try await session.readIdentity())
            let blocked = try #require(terminal.deskSlot.card?.image)
            #expect(blocked.applicationBlocked)

            // Another card in the reader refuses the MAC made for this one, and nothing changes.
            var other = try CardFixtures.image(seed: 22)
            other.applicationBlocked = true
            terminal.deskSlot.insert(other)
            let refused = try await api.call(.post, "/api/cards/\(Self.cardNumber)/unblock", token: clerk)
            #expect(refused.status == 409 && refused.body["code"] as? String == "unblock-refused", "\(refused.text)")
            #expect(terminal.deskSlot.card?.image.applicationBlocked == true)

            terminal.deskSlot.insert(blocked)
            let unblocked = try await api.call(.post, "/api/cards/\(Self.cardNumber)/unblock", token: clerk)
            #expect(unblocked.status == 200, "\(unblocked.text)")
            #expect(unblocked.body["status"] as? String == "issued")
            #expect(terminal.deskSlot.card?.image.applicationBlocked == false)

            let ledger = try await terminal.store.ledger(from: 1, limit: 200)
            let entries = ledger.filter { $0.action == "card.unblock-application" }
            #expect(entries.count == 1, "only the unblock that reached the chip is on the ledger")
            #expect(entries.first?.actor == "clerk1")
            #expect(entries.first?.subject == "card:\(Self.cardNumber)")
            #expect(entries.allSatisfy { !$0.detail.contains(terminal.here.idNumber) })
        }
    }
}
