import CardSimulator
import CardTestSupport
import Foundation
import Printing
import TestSupport
import Testing
import Vocabulary

extension RigTests {
    /// The terminal service as a resident and a desk use it: the real `sskiosk serve` over HTTP,
    /// pcscd with the simulated card in slot 0 and the PSAM in slot 1, cupsd and the rig's printers.
    /// Each test puts its own copy of a card image in slot 0 (PIN tries and writes stay in the
    /// copy) and leaves both slots empty afterwards, as the other rig tests expect them.
    @Suite struct TerminalJourney {
        static let pin = "123456"

        /// The name the printer files a job of the demo terminal under: the terminal id and the
        /// request's key, lower-cased (ippeveprinter lower-cases job names in its spool).
        static func spoolKey(_ key: String) throws -> IdempotencyKey {
            try IdempotencyKey("T-DEMO-\(key)".lowercased())
        }

        /// A card image of the rig's synthetic person `seed` (blank: factory data only), in a temporary file.
        static func image(seed: Int, blank: Bool = false) async throws -> String {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("card-\(UUID().uuidString).json")
            let result = try await CommandRun.run(
                [
                    Rig.sskiosk, "sim", "image", "--seed", String(seed), "--keys", CardFixtures.keysURL.path,
                    "--output",
                    path.path,
                ]
                    + (blank ? ["--blank"] : []))
            guard result.status == 0 else { throw RigFailure(description: "sim image: \(result.standardError)") }
            return path.path
        }

        /// Runs `body` with the service up, slot 0 empty and the PSAM in slot 1; afterwards the
        /// service is stopped and both slots are empty again.
        func withServer(_ body: (TerminalServerProcess) async throws -> Void) async throws {
            guard Rig.isUp(), await Rig.printersAreUp() else { return }
            try await Rig.restoring(.readers) {
                try await Rig.run("card", "remove", "0")
                try await Rig.run("card", "insert", "psam", "1")
                let server = try await TerminalServerProcess(port: try LocalPort.free())
                try await withCleanup {
                    try await body(server)
                } cleanup: {
                    await server.stop()
                }
            }
        }

        @Test(
            "card in, PIN, contributions, an employment registration, its receipt printed, card out: the session is gone"
        )
        func residentJourney() async throws {
            try await withServer { server in
                let events = try await server.openEvents()
                try await Rig.run("card", "insert", "ss-card", "0", try await Self.image(seed: 1))
                try await server.waitForEvent("pin-required", containing: Rig.reader0, in: events)

                let session = try await server.call("POST", "/api/session/pin", json: #"{"pin":"\#(Self.pin)"}"#)
                #expect(session.status == 201, "\(session.text)")
                let token = try #require(session.json["token"] as? String)
                let name = try #require(session.json["name"] as? String)
                try await server.waitForEvent("session-started", in: events)
                let me = try await server.call("GET", "/api/me", token: token)
                #expect(me.status == 200)
                // The answer carries the number masked; the secret to look for is the full one on the card.
                let idNumber = try SyntheticCard(seed: 1).cardholder.socialSecurityNumber.unmaskedValue
                #expect((me.json["person"] as? [String: Any])?["idNumber"] as? String == MaskedIDNumber(idNumber).text)

                let contributions = try await server.call("GET", "/api/me/contributions?insurance=170", token: token)
                #expect(contributions.status == 200)
                #expect(contributions.text.contains("2024-03"))
                #expect(!contributions.text.contains(#""insurance":"390""#))

                // A villager's proof of insurance names the residents' schemes, never the employees'.
                let proofKey = "rig-proof-\(UUID().uuidString.prefix(8).lowercased())"
                let proof = try await server.call(
                    "POST", "/api/me/print", token: token,
                    json: #"{"key":"\#(proofKey)","document":"proof-of-insurance"}"#)
                #expect(proof.status == 201, "\(proof.text)")
                #expect(try await server.waitForPrint(proofKey, token: token) == "completed")
                let proofFiles = Rig.a4.spooled(try Self.spoolKey(proofKey))
                try #require(proofFiles.count == 1, "spooled: \(proofFiles)")
                let proofText = try await Poppler.text(of: proofFiles[0].path)
                #expect(proofText.contains("城乡居民基本养老保险"), "\(proofText)")
                #expect(proofText.contains("城乡居民基本医疗保险"))
                #expect(!proofText.contains("企业职工基本养老保险"))
                #expect(!proofText.contains("职工基本医疗保险"))

                let applied = try await server.call(
                    "POST", "/api/me/applications", token: token, json: #"{"kind":"employment-registration"}"#)
                #expect(applied.status == 201, "\(applied.text)")
                let id = try #require(applied.json["id"] as? String)

                let key = "rig-receipt-\(UUID().uuidString.prefix(8).lowercased())"
                let print = try await server.call(
                    "POST", "/api/me/print", token: token,
                    json: #"{"key":"\#(key)","document":"application-receipt","applicationId":"\#(id)"}"#)
                #expect(print.status == 201, "\(print.text)")
                #expect(try await server.waitForPrint(key, token: token) == "completed")
                try await server.waitForEvent("print-job", containing: #""state":"completed""#, in: events)
                // The kiosk's receipt goes on its 80 mm roll, cut to the receipt's length; the roll
                // printer may still be writing its spool file when cupsd calls the job done.
                let spoolKey = try Self.spoolKey(key)
                try await eventually(timeout: .seconds(10), "the receipt in the roll printer's spool") {
                    !Rig.receipt.spooled(spoolKey).isEmpty
                }
                let files = Rig.receipt.spooled(spoolKey)
                try #require(files.count == 1, "spooled: \(files)")
                let page = try await Poppler.info(of: files[0].path)
                #expect(abs(page.width - 80 * 72 / 25.4) < 1 && page.height < 297 * 72 / 25.4, "\(page)")
                let text = try await Poppler.text(of: files[0].path)
                #expect(text.contains(id))
                #expect(text.contains("就业登记"))

                try await Rig.run("card", "remove", "0")
                try await server.waitForEvent("session-ended", in: events)
                try await server.waitForEvent("card-removed", in: events)
                let after = try await server.call("GET", "/api/me", token: token)
                #expect(after.status == 401)
                #expect(after.json["code"] as? String == "not-signed-in")
                let status = try await server.call("GET", "/api/session")
                #expect(status.json["state"] as? String == "idle")
                for secret in [name, idNumber] { #expect(!status.text.contains(secret)) }
                let stream = try String(contentsOf: events, encoding: .utf8)
                for secret in [name, idNumber] { #expect(!stream.contains(secret)) }

                let metrics = try await server.call("GET", "/metrics").text
                #expect(
                    metrics.contains(#"sskiosk_card_reads_total{operation="identity",result="read"} 1"#), "\(metrics)")
                #expect(metrics.contains(#"sskiosk_card_reads_total{operation="cardholder",result="read"} 1"#))
                #expect(
                    metrics.contains(#"sskiosk_print_jobs_total{document="application-receipt",result="completed"} 1"#))
                #expect(
                    metrics.contains(#"sskiosk_print_jobs_total{document="proof-of-insurance",result="completed"} 1"#))
                for secret in [name, idNumber, proofKey, key] { #expect(!metrics.contains(secret)) }
            }
        }

        @Test("a wrong PIN says how many tries are left; a blocked PIN is refused and sends the resident to the desk")
        func wrongAndBlockedPIN() async throws {
            try await withServer { server in
                let events = try await server.openEvents()
                try await Rig.run("card", "insert", "ss-card", "0", try await Self.image(seed: 1))
                try await server.waitForEvent("pin-required", in: events)
                let before = try #require(try await server.call("GET", "/api/session").json["triesLeft"] as? Int)
                let wrong = try await server.call("POST", "/api/session/pin", json: #"{"pin":"000000"}"#)
                #expect(wrong.status == 401)
                #expect(wrong.json["code"] as? String == "wrong-pin")
                #expect((wrong.json["messageChinese"] as? String)?.contains("\(before - 1)次") == true)
                #expect(try await server.call("GET", "/api/session").json["triesLeft"] as? Int == before - 1)
                var last = wrong
                for _ in 1..<before {
                    last = try await server.call("POST", "/api/session/pin", json: #"{"pin":"000000"}"#)
                }
                #expect(last.status == 423)
                #expect(last.json["code"] as? String == "pin-blocked")
                #expect((last.json["messageChinese"] as? String)?.contains("柜台") == true)
                let right = try await server.call("POST", "/api/session/pin", json: #"{"pin":"\#(Self.pin)"}"#)
                #expect(right.status != 201)
                #expect(try await server.call("GET", "/api/session").json["state"] as? String == "pin-blocked")
                try await server.waitForEvent("pin-blocked", in: events)
                let metrics = try await server.call("GET", "/metrics").text
                // Every wrong PIN is counted, the one that blocked the card among them, and no read.
                let refused = metrics.split(separator: "\n").filter {
                    $0.hasPrefix(#"sskiosk_card_reads_total{operation="cardholder",result="wrongPIN"}"#)
                        || $0.hasPrefix(#"sskiosk_card_reads_total{operation="cardholder",result="pinBlocked"}"#)
                }
                #expect(refused.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +) == before)
                #expect(
                    !metrics.contains(#"sskiosk_card_reads_total{operation="cardholder",result="read"}"#), "\(metrics)")
            }
        }

        @Test("desk: intake, a supervisor's approval, a blank card personalised, its face printed, issued, activated")
        func deskJourney() async throws {
            try await withServer { server in
                let events = try await server.openEvents()
                let clerk = try await server.login("clerk1")
                let supervisor = try await server.login("supervisor1")
                let holder = try SyntheticCard(seed: 1).cardholder.socialSecurityNumber.unmaskedValue
                let cardNumber = try SyntheticCard(seed: 42).identity.cardNumber.value
                let intake = try await server.call(
                    "POST", "/api/cards", token: clerk,
                    json: #"{"cardNumber":"\#(cardNumber)","idNumber":"\#(holder)"}"#)
                #expect(intake.status == 201, "\(intake.text)")
                let approved = try await server.call(
                    "POST", "/api/cards/\(cardNumber)/status", token: supervisor, json: #"{"status":"in-production"}"#)
                #expect(approved.status == 200, "\(approved.text)")

                try await Rig.run("card", "insert", "ss-card", "0", try await Self.image(seed: 42, blank: true))
                let written = try await server.call(
                    "POST", "/api/cards/\(cardNumber)/personalise", token: clerk,
                    json: #"{"pin":"\#(Self.pin)","ethnicity":"01"}"#)
                #expect(written.status == 200, "\(written.text)")
                #expect(written.json["status"] as? String == "ready-at-desk")
                try await server.waitForEvent("personalise-progress", in: events)
                // The desk reset the card it wrote: nothing it authenticated stays open on the chip.
                let state = try await CardSessionsOnTheRig.securityState()
                #expect(state.pin.sw1 == 0x63, "VERIFY with no data answered \(state.pin)")
                #expect(
                    !state.cardholder.isSuccess, "EF06 read without its key after personalising: \(state.cardholder)")

                let key = "rig-face-\(UUID().uuidString.prefix(8).lowercased())"
                let face = try await server.call(
                    "POST", "/api/print", token: clerk,
                    json: #"{"key":"\#(key)","document":"card-face","cardNumber":"\#(cardNumber)"}"#)
                #expect(face.status == 201, "\(face.text)")
                #expect(try await server.waitForPrint(key, token: clerk) == "completed")
                #expect(Rig.card.spooled(try Self.spoolKey(key)).count == 1)

                // The clerk who wrote the card may not hand it over too: a colleague issues and activates it.
                let ownIssue = try await server.call(
                    "POST", "/api/cards/\(cardNumber)/status", token: clerk, json: #"{"status":"issued"}"#)
                #expect(ownIssue.status == 403, "\(ownIssue.text)")
                let colleague = try await server.login("clerk2")
                for status in ["issued", "active"] {
                    let moved = try await server.call(
                        "POST", "/api/cards/\(cardNumber)/status", token: colleague, json: #"{"status":"\#(status)"}"#)
                    #expect(moved.status == 200, "\(moved.text)")
                }
                let card = try await server.call("GET", "/api/cards/\(cardNumber)", token: supervisor)
                let steps = try #require(card.json["steps"] as? [[String: Any]])
                #expect(steps.map { $0["by"] as? String } == ["clerk1", "supervisor1", "clerk1", "clerk2", "clerk2"])
            }
        }
    }
}
