import Printing

/// Is cupsd running and does it answer? Everything the terminal prints goes through it.
struct CUPSDaemonCheck: Check {
    let name = "cupsd"
    let category = CheckCategory.printers
    var service: CUPSPrintService

    static let restart =
        "Restart the print service: systemctl restart cups (on the virtual rig: hardware/rig/rig up printers)"

    func run() async -> CheckResult {
        do {
            let queues = try await service.queues()
            let names = queues.map(\.name)
            let details: [String: DetailValue] = ["queues": .list(names.map { .string($0) })]
            guard !queues.isEmpty else {
                return .warn(
                    "cupsd answers but has no print queue", fix: "Add the printer: sskiosk's installer, or lpadmin",
                    details: details)
            }
            return .pass("cupsd answers; \(queues.count) queue(s): \(names.joined(separator: ", "))", details: details)
        } catch  where error == .schedulerUnavailable {
            return .fail("cupsd is not running or does not answer", fix: Self.restart)
        } catch {
            return .fail("cupsd answered with an error: \(error.message)", fix: Self.restart)
        }
    }

    func timedOut(after limit: Duration) -> CheckResult {
        .fail(
            "cupsd accepted the connection but did not answer within \(limit.formattedSeconds): it is hung",
            fix: Self.restart)
    }
}
