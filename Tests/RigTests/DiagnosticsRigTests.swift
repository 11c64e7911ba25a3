import CardSimulator
import CardTestSupport
import Diagnostics
import Foundation
import SmartCard
import SocialSecurityCard
import TestSupport
import Testing

extension RigTests {
    /// `sskiosk diag` as a technician runs it, against the real pcscd: a healthy rig, then each
    /// fault made real, each named with its fix and the exit code that goes with it.
    @Suite struct DiagnosticsOnTheRig {
        static let seed: UInt64 = 11
        static let terminalNumber: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x12, 0x34]

        @Test func aHealthyRigPassesEveryCheckWithoutReadingPersonalData() async throws {
            guard Rig.isUp() else { return }
            try await Diagnose.withCards(resident: try Diagnose.residentCard(), psam: true) {
                let run = try await Diagnose.run()
                #expect(run.status == 0, "\(run.output)")
                let report = try run.report()
                #expect(
                    report.checks.map(\.name) == [
                        "pcscd", "readers", "card", "round-trip", "psam", "reader-access", "udev-rules",
                    ])
                for check in report.checks {
                    #expect(check.status == .pass, "\(check.name): \(check.result.cause)")
                    #expect(check.result.fix == nil)
                }
                let card = try #require(report["card"]?.result.details)
                #expect(card["kind"] == "social security card")
                #expect(card["generation"] == "3.00")
                #expect(card["algorithm"] == "SM4")
                #expect(card["protocols"] == ["T=1"])
                let latency = try #require(report["round-trip"]?.result.details)
                #expect(latency["exchanges"] == 20)
                #expect(latency["statusWords"] == ["90 00"], "the card refused the latency check's SELECT")
                guard case .number(let median) = latency["medianMilliseconds"] else {
                    Issue.record("no median latency in \(latency)")
                    return
                }
                #expect(median > 0 && median < 150)
                #expect(report["psam"]?.result.details["terminalNumber"] == "00 00 00 00 12 34")
                #expect(report.durationMilliseconds < 5000)

                // Nothing of the cardholder's: no name, ID number (whole or masked) or card number.
                let person = try CardFixtures.person(seed: Self.seed)
                let text = try await Diagnose.run(json: false)
                #expect(text.status == 0)
                #expect(text.output.contains("PASS (exit 0): 7 checks"))
                for output in [run.output, text.output] {
                    for secret in [
                        person.cardholder.name, person.cardholder.socialSecurityNumber.unmaskedValue,
                        person.cardholder.socialSecurityNumber.masked, person.identity.cardNumber.value,
                    ] {
                        #expect(!output.contains(secret), "diag printed personal data")
                    }
                }
            }
        }

        @Test func noCardInTheReaderIsAWarningThatSaysToInsertOne() async throws {
            guard Rig.isUp() else { return }
            try await Diagnose.withCards(resident: nil, psam: true) {
                let run = try await Diagnose.run()
                #expect(run.status == 1, "\(run.output)")
                let report = try run.report()
                let card = try #require(report["card"])
                #expect(card.status == .warn)
                #expect(card.result.cause == "no card in \(Rig.reader0)")
                #expect(card.result.fix?.hasPrefix("Insert a card") == true)
                #expect(report["round-trip"]?.status == .warn)
                #expect(report["psam"]?.status == .pass)
                #expect(report.checks.filter { $0.status == .fail }.isEmpty)
            }
        }

        @Test func aMissingPSAMFailsAndSaysWhereToInsertIt() async throws {
            guard Rig.isUp() else { return }
            try await Diagnose.withCards(resident: try Diagnose.residentCard(), psam: false) {
                let run = try await Diagnose.run()
                #expect(run.status == 2, "\(run.output)")
                let report = try run.report()
                let psam = try #require(report["psam"])
                #expect(psam.status == .fail)
                #expect(psam.result.cause == "no PSAM in its slot \(Rig.reader1)")
                #expect(psam.result.fix?.hasPrefix("Insert the PSAM into \(Rig.reader1)") == true)
                #expect(report["card"]?.status == .pass)
                #expect(report["round-trip"]?.status == .pass)
                #expect(report.checks.filter { $0.status != .pass }.map(\.name) == ["psam"])
            }
        }

        @Test func aCardThatIsNotASocialSecurityCardIsAWarning() async throws {
            guard Rig.isUp() else { return }
            try await Diagnose.withCards(resident: TestCard(), psam: true) {
                let run = try await Diagnose.run()
                #expect(run.status == 1, "\(run.output)")
                let report = try run.report()
                let card = try #require(report["card"])
                #expect(card.status == .warn)
                #expect(card.result.cause.contains("is not a social security card"))
                #expect(card.result.fix == "Insert a social security card to check the whole card path")
                // The reader path still gets timed: the test card answers the SELECT with an error word.
                #expect(report["round-trip"]?.status == .pass)
            }
        }

        /// A card that reads but differs from the profile (its number outside the unverified check, as a
        /// real Chengdu card's is) warns the technician, and the report still carries no card number.
        @Test func aCardThatReadsWithOdditiesIsAWarningForTheTechnician() async throws {
            guard Rig.isUp() else { return }
            let image = try CardFixtures.image(seed: RigTests.DiagnosticsOnTheRig.seed, cardNumber: "AI666666X")
            try await Diagnose.withCards(resident: SimulatedSocialSecurityCard(image: image), psam: true) {
                let run = try await Diagnose.run()
                #expect(run.status == 1, "\(run.output)")
                let report = try run.report()
                let card = try #require(report["card"])
                #expect(card.status == .warn)
                #expect(card.result.cause.contains("differs from the card profile"))
                #expect(card.result.details["cardWarnings"].map { "\($0)" }?.contains("check character") == true)
                #expect(!run.output.contains("AI666666X"))
                #expect(report.checks.filter { $0.status != .pass }.map(\.name) == ["card"])
            }
        }

        /// The simulator's own T=1 ATR once announced TA3 and TB3 without sending them; a card
        /// like that must fail with its ATR named, and nothing downstream be blamed.
        @Test func aCardWithAMalformedATRFailsAndTheLatencyCheckIsNotRun() async throws {
            guard Rig.isUp() else { return }
            try await Diagnose.withCards(resident: MalformedATRCard(), psam: true) {
                let run = try await Diagnose.run()
                #expect(run.status == 2, "\(run.output)")
                let report = try run.report()
                let card = try #require(report["card"])
                #expect(card.status == .fail)
                #expect(card.result.cause.hasPrefix("the card in \(Rig.reader0) gave an invalid answer to reset"))
                #expect(card.result.fix?.contains("replace the reader") == true)
                guard case .string(let reason) = card.result.details["atrError"] else {
                    Issue.record("no atrError in \(card.result.details)")
                    return
                }
                #expect(reason.contains("7 historical bytes, but only 6 follow"))
                #expect(report["round-trip"]?.result.cause == "not checked, because card failed")
                #expect(report["psam"]?.status == .pass)
            }
        }

        /// pcscd killed as a crash would: its socket stays behind with nothing answering; once the
        /// socket is gone too, pcscd is plainly not running. Everything that needs it is not checked.
        @Test func aStoppedPcscdIsNamedWithItsFixAndNothingDownstreamIsBlamed() async throws {
            guard Rig.isUp(), try await Diagnose.rigOwnsPcscd() else { return }
            try await Rig.restoring(.readers) {
                try await Rig.run("kill", "pcscd")
                let stale = try await Diagnose.run()
                #expect(stale.status == 2, "\(stale.output)")
                let report = try stale.report()
                let pcscd = try #require(report["pcscd"])
                #expect(pcscd.status == .fail)
                #expect(pcscd.result.cause.contains("nothing answers on it"))
                #expect(pcscd.result.fix?.contains("systemctl restart pcscd") == true)
                for name in ["readers", "card", "round-trip", "psam", "reader-access"] {
                    #expect(report[name]?.result.cause == "not checked, because pcscd failed", "\(name)")
                }
                #expect(report["udev-rules"]?.status == .pass)

                unlink("/run/pcscd/pcscd.comm")
                let gone = try await Diagnose.run()
                #expect(gone.status == 2)
                let missing = try #require(try gone.report()["pcscd"])
                #expect(missing.result.cause == "pcscd is not running: its socket /run/pcscd/pcscd.comm does not exist")
                #expect(missing.result.fix?.contains("systemctl start pcscd") == true)
            }
        }

        /// A frozen pcscd accepts connections and never answers: diag must still finish, on time,
        /// and say so. The daemon is stopped for two seconds at most, then continued.
        @Test func aHungPcscdCannotHangDiagnostics() async throws {
            guard Rig.isUp() else { return }
            let pidText = try String(contentsOfFile: "/run/pcscd/pcscd.pid", encoding: .utf8)
            let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines.union(["\0"]))))
            #expect(kill(pid, SIGSTOP) == 0)
            defer { kill(pid, SIGCONT) }
            let start = ContinuousClock.now
            let run = try await Diagnose.run(["--timeout", "1"])
            let elapsed = ContinuousClock.now - start
            kill(pid, SIGCONT)
            #expect(elapsed < .seconds(4), "diag took \(elapsed) with pcscd frozen")
            #expect(run.status == 2, "\(run.output)")
            let pcscd = try #require(try run.report()["pcscd"])
            #expect(pcscd.result.cause.contains("did not answer within 1 s: it is hung"))
            #expect(pcscd.result.fix?.contains("restart pcscd") == true)
        }
    }
}

/// A card whose ATR announces TA3 and TB3 in TD2 but goes straight on to its seven historical
/// bytes; it refuses every command.
private struct MalformedATRCard: VirtualCard {
    var atr: [UInt8] {
        var bytes: [UInt8] = [0x3B, 0x87, 0x81, 0x31] + Array("SSC3.00".utf8)
        bytes.append(bytes.dropFirst().reduce(0, ^))
        return bytes
    }

    mutating func reset() {}

    mutating func respond(to command: [UInt8]) -> [UInt8] { [0x6D, 0x00] }
}

/// Runs `sskiosk diag` in a child process and puts cards into the rig's slots for it.
private enum Diagnose {
    struct Run {
        var status: Int32
        var output: String

        func report() throws -> DiagnosticsReport {
            try JSONDecoder().decode(DiagnosticsReport.self, from: Data(output.utf8))
        }
    }

    /// `sskiosk diag` of the card path only, with the rig's card reader and PSAM reader named, as a
    /// desk is configured (printers and the service: DiagnosticsFaultRigTests).
    static func run(_ extra: [String] = [], json: Bool = true) async throws -> Run {
        var arguments =
            ["diag", "--reader", Rig.reader0, "--psam-reader", Rig.reader1, "--skip", "printers", "--skip", "service"]
            + extra
        if json { arguments.append("--json") }
        let result = try await CommandRun.run([Rig.sskiosk] + arguments)
        return Run(status: result.status, output: result.standardOutput + result.standardError)
    }

    /// The synthetic resident of ``RigTests/DiagnosticsOnTheRig/seed`` on a 3.0 SM4 T=1 card.
    static func residentCard() throws -> SimulatedSocialSecurityCard {
        SimulatedSocialSecurityCard(image: try CardFixtures.image(seed: RigTests.DiagnosticsOnTheRig.seed))
    }

    /// Runs `body` with `resident` in slot 0 and, if `psam`, the PSAM in slot 1; both slots are
    /// empty again afterwards, also when `body` throws. Cards the rig itself put in (`rig up`) are
    /// taken out first: vpcd serves one card per slot.
    static func withCards(resident: (any VirtualCard)?, psam: Bool, _ body: () async throws -> Void) async throws {
        try await Rig.run("card", "remove", "0")
        try await Rig.run("card", "remove", "1")
        var inserted: [(InsertedCard, String)] = []
        try await withCleanup {
            if let resident {
                inserted.append((try await InsertedCard.insert(resident, port: Rig.slot0Port), Rig.reader0))
            }
            if psam {
                let card = SimulatedPSAM(
                    keys: CardFixtures.keys, terminalNumber: RigTests.DiagnosticsOnTheRig.terminalNumber)
                inserted.append((try await InsertedCard.insert(card, port: Rig.slot1Port), Rig.reader1))
            }
            for (_, reader) in inserted { try await waitFor(reader, present: true) }
            try await body()
        } cleanup: {
            for (card, reader) in inserted {
                await card.remove()
                try await waitFor(reader, present: false)
            }
        }
    }

    private static func waitFor(_ reader: String, present: Bool) async throws {
        try await eventually("\(reader) to \(present ? "hold" : "be empty of") a card") {
            let status = try? PCSCContext().readerStatuses().first { $0.reader == reader }
            return status?.state.contains(.present) == present
        }
    }

    /// Whether pcscd is the rig's own, which `rig kill` may stop; says so when it is not.
    static func rigOwnsPcscd() async throws -> Bool {
        guard try await Rig.run("status").contains("pcscd: up") else {
            print("\n*** SKIPPED: pcscd was not started by the rig, so the test will not kill it\n")
            return false
        }
        return true
    }
}
