import Printing

/// One cupsd queue and the printer behind it: state, reasons in plain words, supplies, jobs waiting.
///
/// An idle queue does not show its printer's own reasons (an empty tray shows only while cupsd
/// sends a job), so a queue whose device is an IPP printer is also asked about directly.
struct PrinterQueueCheck: Check {
    var queue: String
    var service: CUPSPrintService
    var name: String { "printer:\(queue)" }
    let category = CheckCategory.printers
    let prerequisites = ["cupsd"]

    /// A supply at or below this percentage is worth a warning.
    static let lowSupply = 10

    func run() async -> CheckResult { await inspect().result }

    /// The check's verdict, with the status it judged: the queue's, joined with its IPP printer's;
    /// nil when neither could be read (no cupsd, no such queue, a printer that does not answer).
    /// The terminal's heartbeat reports devices from it (``DeviceSurvey``).
    func inspect() async -> (result: CheckResult, status: PrinterStatus?) {
        let found: PrintQueue?
        do {
            found = try await service.queues().first { $0.name == queue }
        } catch {
            return (.fail("cupsd did not list its queues: \(error.message)", fix: CUPSDaemonCheck.restart), nil)
        }
        guard let found else {
            return (
                .fail(
                    "cupsd has no queue called \(queue)",
                    fix:
                        "Add it: lpadmin -p \(queue) -E -v PRINTER-URI -m everywhere (on the rig: hardware/rig/rig up printers)"
                ), nil
            )
        }
        var details: [String: DetailValue] = [
            "queueState": "\(found.status.state)",
            "queueReasons": .list(found.status.reasons.map { .string($0.description) }),
            "acceptingJobs": .bool(found.status.isAcceptingJobs),
            "jobsWaiting": .integer(found.status.queuedJobCount),
            "deviceURI": "\(found.deviceURI)",
        ]
        var status = found.status
        let direct = found.deviceURI.hasPrefix("ipp://") || found.deviceURI.hasPrefix("ipps://")
        if direct {
            do {
                let printer = try await service.status(of: .printer(uri: found.deviceURI))
                details["printerState"] = "\(printer.state)"
                details["printerReasons"] = .list(printer.reasons.map { .string($0.description) })
                status = PrinterStatus(
                    state: found.status.state == .stopped ? .stopped : printer.state,
                    reasons: found.status.reasons + printer.reasons.filter { !found.status.reasons.contains($0) },
                    message: printer.message, isAcceptingJobs: found.status.isAcceptingJobs,
                    queuedJobCount: found.status.queuedJobCount,
                    supplies: printer.supplies.isEmpty ? found.status.supplies : printer.supplies)
            } catch {
                details["printerReachable"] = false
                return (
                    .fail(
                        "\(queue): the printer at \(found.deviceURI) does not answer (switched off, unplugged or off the network); \(jobs(found.status))",
                        fix: PrinterFault.offline.fix(queue: queue), details: details), nil
                )
            }
        }
        details["supplies"] = .list(
            status.supplies.map { supply -> DetailValue in
                [
                    "name": "\(supply.name)", "kind": "\(supply.kind)",
                    "level": supply.level.map { .integer($0) } ?? "unknown",
                ]
            })
        return (judge(status, details), status)
    }

    private func judge(_ status: PrinterStatus, _ details: [String: DetailValue]) -> CheckResult {
        let summary = [reasons(status), jobs(status), supplies(status)].joined(separator: "; ")
        if let fault = status.fault {
            return .fail("\(queue): \(fault) (\(summary))", fix: fault.fix(queue: queue), details: details)
        }
        let low = status.supplies.filter { ($0.level ?? 100) <= Self.lowSupply }
        if !low.isEmpty {
            return .warn(
                "\(queue): \(low.map(\.description).joined(separator: ", ")) left (\(summary))",
                fix: "Order and fit a new \(low.map(\.kind).joined(separator: ", ")) soon", details: details)
        }
        if status.reasons.contains(where: { $0.severity == .warning || $0.keyword.hasSuffix("-low") }) {
            return .warn(
                "\(queue): \(summary)", fix: "See to it before the printer stops: paper, toner or ribbon",
                details: details)
        }
        return .pass("\(queue): \(status.state), \(summary)", details: details)
    }

    private func reasons(_ status: PrinterStatus) -> String {
        let words = status.reasons.map(\.plainWords)
        return words.isEmpty ? "no fault reported" : Array(Set(words)).sorted().joined(separator: ", ")
    }

    private func jobs(_ status: PrinterStatus) -> String {
        status.queuedJobCount == 1 ? "1 job waiting" : "\(status.queuedJobCount) jobs waiting"
    }

    private func supplies(_ status: PrinterStatus) -> String {
        status.supplies.isEmpty
            ? "supply levels not reported" : "supplies: \(status.supplies.map(\.description).joined(separator: ", "))"
    }
}
