import CardSimulator
import CardTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import SmartCard
import Testing

@testable import KioskServer

/// A resident's session ends on exit, card removal or idle timeout, and then nothing of the person
/// is left in the service: the token opens nothing, and no string the session controller can reach
/// holds their ID number or name. Many sessions in a row, each ended another way, with the card
/// simulated in process behind the same reader API the kiosk uses.
@Suite("Resident sessions leave nothing of the person behind")
struct ResidentSessionMemoryTests {

    /// Every string reachable from `root` through stored properties, enum payloads and
    /// collections, each object once.
    static func strings(reachableFrom root: Any) -> [String] {
        var found: [String] = []
        var seen: Set<ObjectIdentifier> = []
        func walk(_ value: Any, depth: Int) {
            guard depth < 24 else { return }
            if let text = value as? String { return found.append(text) }
            if let text = value as? Substring { return found.append(String(text)) }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .class {
                let object = value as AnyObject
                guard seen.insert(ObjectIdentifier(object)).inserted else { return }
            }
            var next: Mirror? = mirror
            while let current = next {
                for child in current.children { walk(child.value, depth: depth + 1) }
                next = current.superclassMirror
            }
        }
        walk(root, depth: 0)
        return found
    }

    @Test("after exit, card removal and idle timeout the token opens nothing and no string holds the person")
    func forgotten() async throws {
        let card = try CardFixtures.person(seed: 11)
        let image = try CardFixtures.image(seed: 11)
        let fixture = try TestTerminal.make()
        fixture.kioskSlot.insert(image)
        try await fixture.seed()
        let idNumber = card.cardholder.socialSecurityNumber.unmaskedValue
        try await fixture.store.applyReferenceData(
            ReferenceDataPage(
                people: [
                    Person(
                        idNumber: idNumber, name: card.cardholder.name, sex: card.cardholder.sex,
                        birthDate: card.cardholder.birthDate, regionCode: String(idNumber.prefix(6)) + "001001")
                ],
                cursor: "resident", asOf: Date()))
        let controller = fixture.terminal.controller
        let holdsPerson = { @Sendable () -> Bool in
            Self.strings(reachableFrom: controller).contains {
                $0.contains(idNumber) || $0.contains(card.cardholder.name)
            }
        }

        try await fixture.terminal.application(watchCards: false).test(.router) { client in
            let api = StaffAPITests.Client(client: client)
            for round in 0..<30 {
                if round == 0 { await controller.handle(.cardInserted(reader: TestTerminal.kioskReader, atr: [])) }
                let started = try await api.call(.post, "/api/session/pin", json: #"{"pin":"\#(CardFixtures.pin)"}"#)
                #expect(started.status == 201, "round \(round): \(started.text)")
                let token = try #require(started.body["token"] as? String)
                let me = try await api.call(.get, "/api/me", token: token)
                #expect(me.status == 200 && me.text.contains(card.cardholder.name))
                #expect(try await api.call(.get, "/api/me/contributions", token: token).status == 200)
                // The check finds the person while the session is open, so its silence later means something.
                #expect(holdsPerson(), "round \(round): the walk does not see the open session")

                switch round % 3 {
                case 0: #expect(try await api.call(.delete, "/api/session", token: token).status == 204)
                case 1: await controller.handle(.cardRemoved(reader: TestTerminal.kioskReader))
                default: await controller.tick(at: Date().addingTimeInterval(3_600))
                }
                #expect(try await api.call(.get, "/api/me", token: token).status == 401, "round \(round)")
                let status = try await api.call(.get, "/api/session")
                #expect(!status.text.contains(idNumber) && !status.text.contains(card.cardholder.name))
                #expect(!holdsPerson(), "round \(round): the person is still reachable after the session ended")
                // The card back in for the next round (after exit and timeout it never left).
                if round % 3 == 1 { await controller.handle(.cardInserted(reader: TestTerminal.kioskReader, atr: [])) }
            }
        }
    }
}
