import Diagnostics
import Foundation
import GRDB
import KioskServer
import Printing
import TestSupport
import Testing

extension RigTests {
    /// `sskiosk diag` on the printers, the terminal service, its cache and the link to the centre:
    /// healthy, then each fault made real (printer out of paper, jammed, switched off, a stopped
    /// queue, cupsd stopped, a damaged cache, the centre unreachable, its clock off, a wrong CA),
    /// each named with its fix and the exit code that goes with it.
    @Suite(.serialized) struct DiagnosticsFaultsOnTheRig {
        static let printers = ["--skip", "readers", "--skip", "service", "--queue", "rig-a4", "--queue", "rig-card"]

        // MARK: Printers

        @Test func healthyPrintersPassWithStateSuppliesAndJobs() async throws {
            guard await Rig.printersAreUp() else { return }
            let run = try await Diag.run(Self.printers)
            #expect(run.status == 0, "\(run.output)\(run.errors)")
            let report = try run.report()
            #expect(report.checks.map(\.name) == ["cupsd", "printer:rig-a4", "printer:rig-card", "print-access"])
            let a4 = try #require(report["printer:rig-a4"])
            #expect(a4.result.cause.hasPrefix("rig-a4: idle, "), "\(a4.result.cause)")
            #expect(a4.result.cause.contains("0 jobs waiting"))
            #expect(a4.result.details["deviceURI"] == .string(Rig.a4.uri))
            #expect(report["print-access"]?.result.cause.contains("may submit jobs to all 2 queues") == true)
        }

        @Test func aPrinterOutOfPaperFailsWithLoadPaper() async throws {
            guard await Rig.printersAreUp() else { return }
            try await Rig.withFault("media-empty", on: Rig.a4) {
                let run = try await Diag.run(Self.printers)
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                let report = try run.report()
                let a4 = try #require(report["printer:rig-a4"])
                #expect(a4.status == .fail)
                #expect(a4.result.cause.hasPrefix("rig-a4: media empty"), "\(a4.result.cause)")
                #expect(a4.result.cause.contains("out of paper"))
                #expect(a4.result.fix?.hasPrefix("Load paper") == true)
                #expect(report["printer:rig-card"]?.status == .pass)
                #expect(report.checks.filter { $0.status == .fail }.map(\.name) == ["printer:rig-a4"])
            }
        }

        /// A jam shows only while a job is at the printer: one is sent first, and prints once the
        /// jam is cleared.
        @Test func aJammedPrinterFailsWithClearTheJam() async throws {
            guard await Rig.printersAreUp() else { return }
            let service = CUPSPrintService(timeout: .seconds(5))
            let job = try await Rig.withFault("media-jam", on: Rig.a4) {
                let document = try PrintDocument(pdf: TestPDF.make(width: 595, height: 842, text: "jam"), title: "jam")
                let job = try await service.submit(
                    document, to: .queue(Rig.a4.queue), key: try Rig.freshKey("diag-jam"))
                try await eventually("rig-a4 to report the jam") {
                    let status = try? await service.status(of: .printer(uri: Rig.a4.uri))
                    return status?.reasons.contains { $0.keyword == "media-jam" } == true
                }
                let run = try await Diag.run(Self.printers)
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                let a4 = try #require(try run.report()["printer:rig-a4"])
                #expect(a4.result.cause.hasPrefix("rig-a4: media jam"), "\(a4.result.cause)")
                #expect(a4.result.cause.contains("paper (or a card) jammed"))
                #expect(a4.result.fix?.contains("take out the jammed sheet") == true)
                return job
            }
            let finished = try await service.waitUntilFinished(job, timeout: .seconds(30))
            #expect(finished.state == .completed)
        }

        @Test func aPrinterSwitchedOffFailsWithSwitchItOn() async throws {
            guard await Rig.printersAreUp() else { return }
            try await Rig.withFault("offline", on: Rig.a4) {
                let run = try await Diag.run(Self.printers)
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                let a4 = try #require(try run.report()["printer:rig-a4"])
                #expect(a4.result.cause.contains("the printer at \(Rig.a4.uri) does not answer"), "\(a4.result.cause)")
                #expect(a4.result.fix?.hasPrefix("Switch the printer on") == true)
                #expect(a4.result.details["printerReachable"] == false)
            }
        }

        @Test func aStoppedQueueAndOneRefusingJobsAreNamedWithTheirCommands() async throws {
            guard await Rig.printersAreUp() else { return }
            try await Rig.restoring(.printers) {
                #expect(try await CommandRun.run(["/usr/sbin/cupsdisable", Rig.a4.queue]).status == 0)
                #expect(try await CommandRun.run(["/usr/sbin/cupsreject", Rig.card.queue]).status == 0)
                let run = try await Diag.run(Self.printers)
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                let report = try run.report()
                let a4 = try #require(report["printer:rig-a4"])
                #expect(a4.result.cause.hasPrefix("rig-a4: paused"), "\(a4.result.cause)")
                #expect(a4.result.cause.contains("stopped by staff"))
                #expect(a4.result.fix == "Resume the queue: cupsenable rig-a4 && cupsaccept rig-a4")
                let access = try #require(report["print-access"])
                #expect(access.status == .fail)
                #expect(access.result.cause.contains("queue rig-card refuses new jobs"), "\(access.result.cause)")
                #expect(access.result.fix == "Accept jobs again: cupsaccept rig-card && cupsenable rig-card")
            }
        }

        @Test func aStoppedCupsdIsNamedAndNoPrinterIsBlamed() async throws {
            guard await Rig.printersAreUp(), try await Rig.run("status").contains("cupsd: up") else { return }
            try await Rig.restoring(.printers) {
                try await Rig.run("kill", "cupsd")
                let run = try await Diag.run(Self.printers)
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                let report = try run.report()
                let cupsd = try #require(report["cupsd"])
                #expect(cupsd.result.cause == "cupsd is not running or does not answer")
                #expect(cupsd.result.fix?.contains("systemctl restart cups") == true)
                for name in ["printer:rig-a4", "printer:rig-card", "print-access"] {
                    #expect(report[name]?.result.cause == "not checked, because cupsd failed", "\(name)")
                }
            }
        }

        @Test func aTestPageIsPrintedAndFollowedToTheEnd() async throws {
            guard await Rig.printersAreUp() else { return }
            let run = try await Diag.run(["--skip", "readers", "--skip", "service", "--queue", "rig-a4", "--test-page"])
            #expect(run.status == 0, "\(run.output)\(run.errors)")
            let page = try #require(try run.report()["test-page"])
            #expect(page.result.cause.contains("printed in"), "\(page.result.cause)")
            guard case .integer(let id) = page.result.details["job"] else {
                Issue.record("no job id in \(page.result.details)")
                return
            }
            let job = try await CUPSPrintService().job(Int32(id), on: .queue("rig-a4"))
            #expect(job.state == .completed)
        }

        // MARK: The service, the cache, the centre

        @Test func aHealthyWholeTerminalPassesEveryCheck() async throws {
            guard Rig.isUp(), await Rig.printersAreUp() else { return }
            try await Rig.run("up")
            try await TerminalService.with { service in
                try await TestCentre.with(dateOffset: 0) { centre in
                    let run = try await Diag.run(
                        [
                            "--reader", Rig.reader0, "--psam-reader", Rig.reader1, "--queue", "rig-a4", "--queue",
                            "rig-card",
                        ]
                            + service.arguments + centre.arguments)
                    #expect(run.status == 0, "\(run.output)\(run.errors)")
                    let report = try run.report()
                    for check in report.checks {
                        #expect(check.status == .pass, "\(check.name): \(check.result.cause)")
                    }
                    #expect(report.durationMilliseconds < 5000)
                    let health = try #require(report["terminal-service"])
                    #expect(health.result.cause.contains("version \(KioskTerminal.version)"))
                    #expect(report["centre-certificate"]?.result.cause.contains("chains to the CA in") == true)
                    // The cache holds the demo residents; none of them is in the report.
                    for name in try service.names() { #expect(!run.output.contains(name)) }
                }
            }
        }

        @Test func aDamagedCacheFailsAndSaysToRestoreIt() async throws {
            guard Rig.isUp() else { return }
            try await TerminalService.with { service in
                let copy = service.database + ".damaged"
                defer { unlink(copy) }
                // The live cache's pages are in its WAL until a checkpoint: move them into the file first.
                try await DatabaseQueue(path: service.database).writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
                try FileManager.default.copyItem(atPath: service.database, toPath: copy)
                try CorruptCopy.overwrite(copy, fromPage: 2)
                let run = try await Diag.run(
                    ["--skip", "readers", "--skip", "printers", "--service", service.url, "--database", copy])
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                let report = try run.report()
                #expect(report["terminal-service"]?.status == .pass)
                let cache = try #require(report["cache"])
                #expect(cache.status == .fail)
                #expect(cache.result.cause.hasPrefix("the cache \(copy) "), "\(cache.result.cause)")
                #expect(cache.result.fix?.contains("restore the cache from the centre") == true)
            }
        }

        @Test func anUnreachableCentreFailsAndNothingBehindItIsBlamed() async throws {
            guard Rig.isUp() else { return }
            let port = try LocalPort.free()
            try await TerminalService.with { service in
                let run = try await Diag.run(
                    ["--skip", "readers", "--skip", "printers", "--centre", "https://127.0.0.1:\(port)"]
                        + service.arguments)
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                let report = try run.report()
                let centre = try #require(report["centre"])
                #expect(centre.result.cause.contains("cannot be reached: connection refused"), "\(centre.result.cause)")
                #expect(centre.result.fix?.hasPrefix("Check the terminal's network") == true)
                #expect(report["centre-certificate"]?.result.cause == "not checked, because centre failed")
                #expect(report["clock"]?.result.cause == "not checked, because centre failed")
                #expect(report["cache"]?.status == .pass)
            }
        }

        @Test(arguments: [(600, CheckStatus.fail, Int32(2)), (-60, .warn, 1)])
        func aClockOffFromTheCentresIsNamed(offset: Int, status: CheckStatus, exit: Int32) async throws {
            guard Rig.isUp() else { return }
            try await TerminalService.with { service in
                try await TestCentre.with(dateOffset: offset) { centre in
                    let run = try await Diag.run(
                        ["--skip", "readers", "--skip", "printers"] + service.arguments + centre.arguments)
                    #expect(run.status == exit, "\(run.output)\(run.errors)")
                    let report = try run.report()
                    let clock = try #require(report["clock"])
                    #expect(clock.status == status)
                    let words = offset > 0 ? "behind" : "ahead of"
                    #expect(clock.result.cause.contains(" s \(words) the centre's"), "\(clock.result.cause)")
                    guard case .number(let skew) = clock.result.details["skewSeconds"] else {
                        Issue.record("no skew in \(clock.result.details)")
                        return
                    }
                    #expect(abs(skew + Double(offset)) < 3, "skew \(skew) for a centre \(offset) s ahead")
                    #expect(clock.result.fix?.contains("timedatectl set-ntp true") == true)
                    #expect(report["centre-certificate"]?.status == .pass)
                }
            }
        }

        @Test func aCentreCertificateFromAnotherCAFails() async throws {
            guard Rig.isUp() else { return }
            let other = try await TestCA.make()
            try await TestCentre.with(dateOffset: 0) { centre in
                let run = try await Diag.run(
                    ["--skip", "readers", "--skip", "printers", "--centre", centre.url, "--centre-ca", other.caFile])
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                let certificate = try #require(try run.report()["centre-certificate"])
                #expect(certificate.status == .fail)
                #expect(certificate.result.cause.contains("does not chain to the CA in \(other.caFile)"))
                #expect(certificate.result.fix?.contains("--centre-ca") == true)
            }
        }

        @Test func aStoppedTerminalServiceFailsWithStartIt() async throws {
            guard Rig.isUp() else { return }
            let port = try LocalPort.free()
            let run = try await Diag.run([
                "--skip", "readers", "--skip", "printers", "--service", "http://127.0.0.1:\(port)",
            ])
            #expect(run.status == 2, "\(run.output)\(run.errors)")
            let service = try #require(try run.report()["terminal-service"])
            #expect(service.result.cause.hasPrefix("the terminal service does not answer"), "\(service.result.cause)")
            #expect(service.result.fix?.hasPrefix("Start the terminal service") == true)
        }
    }
}

/// `sskiosk diag --json` with the given arguments, in a child process.
enum Diag {
    struct Run {
        var status: Int32
        /// The JSON report.
        var output: String
        /// Anything else the run said.
        var errors: String

        func report() throws -> DiagnosticsReport {
            try JSONDecoder().decode(DiagnosticsReport.self, from: Data(output.utf8))
        }
    }

    static func run(_ arguments: [String]) async throws -> Run {
        let result = try await CommandRun.run([Rig.sskiosk, "diag", "--json"] + arguments)
        return Run(status: result.status, output: result.standardOutput, errors: result.standardError)
    }
}
