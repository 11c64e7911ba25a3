import Foundation
import KioskCore
import Testing

@Suite("Resident session state machine")
struct ResidentSessionTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("card in, PIN, activity, card out: the person is forgotten")
    func cardRemoval() {
        var session = ResidentSession()
        #expect(session.handle(.cardInserted(reader: "R0", triesLeft: 3)).isEmpty)
        #expect(session.idNumber == nil)
        _ = session.handle(.pinRejected(triesLeft: 2))
        #expect(session.state == .awaitingPIN(reader: "R0", triesLeft: 2))
        _ = session.handle(.pinVerified(idNumber: "430102198507141238", at: start))
        #expect(session.idNumber == "430102198507141238")
        #expect(session.handle(.cardRemoved(reader: "R1")).isEmpty, "another reader's card is not ours")
        #expect(session.handle(.cardRemoved(reader: "R0")) == [.forgetPerson(reason: .cardRemoved)])
        #expect(session.state == .idle)
        #expect(session.idNumber == nil)
    }

    @Test("idle: a countdown, then the end; the card left in waits for the PIN again")
    func idleTimeout() {
        var session = ResidentSession(idleTimeout: 120, warningPeriod: 30)
        _ = session.handle(.cardInserted(reader: "R0", triesLeft: 3))
        _ = session.handle(.pinVerified(idNumber: "430102198507141238", at: start))
        #expect(session.handle(.tick(at: start.addingTimeInterval(60))).isEmpty)
        #expect(session.handle(.tick(at: start.addingTimeInterval(100))) == [.warnIdle(secondsLeft: 20)])
        _ = session.handle(.activity(at: start.addingTimeInterval(100)))
        #expect(session.handle(.tick(at: start.addingTimeInterval(200))) == [.warnIdle(secondsLeft: 20)])
        #expect(session.handle(.tick(at: start.addingTimeInterval(220))) == [.forgetPerson(reason: .idleTimeout)])
        #expect(session.idNumber == nil)
        #expect(session.handle(.pinVerified(idNumber: "430102198507141238", at: start)).isEmpty)
        #expect(session.idNumber == "430102198507141238")
    }

    @Test("a blocked PIN sends the card to the desk; exit ends the session")
    func blockedAndExit() {
        var session = ResidentSession()
        _ = session.handle(.cardInserted(reader: "R0", triesLeft: 1))
        _ = session.handle(.pinRejected(triesLeft: 0))
        #expect(session.state == .blocked(reader: "R0"))
        #expect(session.handle(.pinVerified(idNumber: "x", at: start)).isEmpty)
        #expect(session.idNumber == nil)
        _ = session.handle(.cardInserted(reader: "R0", triesLeft: 3))
        _ = session.handle(.pinVerified(idNumber: "430102198507141238", at: start))
        #expect(session.handle(.exit) == [.forgetPerson(reason: .exit)])
        #expect(session.idNumber == nil)
    }
}
