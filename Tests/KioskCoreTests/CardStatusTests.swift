import Foundation
import KioskCore
import Testing

@Suite("Card lifecycle")
struct CardStatusTests {
    static let legal: Set<[CardStatus]> = [
        [.applied, .inProduction], [.inProduction, .readyAtDesk], [.readyAtDesk, .issued], [.issued, .active],
        [.issued, .lost], [.active, .lost], [.readyAtDesk, .lost], [.lost, .active], [.lost, .replaced],
        [.applied, .cancelled], [.inProduction, .cancelled], [.readyAtDesk, .cancelled], [.issued, .cancelled],
        [.active, .cancelled], [.lost, .cancelled],
    ]

    @Test("exactly the documented moves are allowed", arguments: CardStatus.allCases)
    func transitions(from: CardStatus) {
        for to in CardStatus.allCases {
            #expect(from.canMove(to: to) == Self.legal.contains([from, to]), "\(from) -> \(to)")
        }
    }

    @Test("a record keeps who did each step, and refuses an illegal move with a reason")
    func record() throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var card = CardRecord(
            cardNumber: "A12345674", idNumber: "430102198507141238", requestedBy: "clerk-1", at: start)
        try card.move(to: .inProduction, by: "centre", at: start)
        try card.move(to: .readyAtDesk, by: "centre", at: start)
        #expect(throws: KioskError.illegalTransition(from: "", to: "", chinese: "")) {
            try card.move(to: .active, by: "clerk-2", at: start)
        }
        try card.move(to: .issued, by: "clerk-2", at: start)
        try card.move(to: .active, by: "card", at: start)
        #expect(card.actor(of: .applied) == "clerk-1")
        #expect(card.actor(of: .issued) == "clerk-2")
        #expect(card.steps.map(\.status) == [.applied, .inProduction, .readyAtDesk, .issued, .active])
        do {
            try card.move(to: .readyAtDesk, by: "x", at: start)
            Issue.record("moved backwards")
        } catch {
            #expect(error.messageChinese.contains("已启用"))
        }
    }
}
