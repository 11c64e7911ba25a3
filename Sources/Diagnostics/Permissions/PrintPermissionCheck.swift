import Foundation
import Printing

/// May this user submit print jobs? Each queue must be accepting jobs (cupsd's Validate-Job does
/// not look at that), and cupsd must validate a job from this user on it (IPP Validate-Job: its
/// access policy applies as for a real job, and nothing prints).
struct PrintPermissionCheck: Check {
    let name = "print-access"
    let category = CheckCategory.permissions
    let prerequisites = ["cupsd"]
    var queues: [String]
    var service: CUPSPrintService

    func run() async -> CheckResult {
        let user = UserIdentity.current(serviceGroup: "lpadmin")
        guard !queues.isEmpty else {
            return .warn("no print queue to submit to", fix: "Add the terminal's printers to cupsd first")
        }
        var outcomes: [String: DetailValue] = [:]
        var refusals: [(queue: String, error: PrintingError)] = []
        let accepting: [String: Bool]
        do {
            accepting = Dictionary(
                try await service.queues().map { ($0.name, $0.status.isAcceptingJobs) }, uniquingKeysWith: { $1 })
        } catch {
            return .fail("cupsd did not list its queues: \(error.message)", fix: CUPSDaemonCheck.restart)
        }
        for queue in queues {
            do throws(PrintingError) {
                if accepting[queue] == false { throw .notAcceptingJobs }
                try await service.validateJob(on: .queue(queue))
                outcomes[queue] = "accepted"
            } catch {
                outcomes[queue] = "\(error.message)"
                refusals.append((queue, error))
            }
        }
        let details: [String: DetailValue] = ["user": "\(user.name)", "queues": .object(outcomes)]
        guard let (queue, error) = refusals.first else {
            return .pass(
                "user \(user.name) may submit jobs to \(queues.count == 1 ? queues[0] : "all \(queues.count) queues")",
                details: details)
        }
        if error == .notAcceptingJobs {
            return .fail(
                "queue \(queue) refuses new jobs (cupsreject, or cupsd stopped accepting after errors)",
                fix: "Accept jobs again: cupsaccept \(queue) && cupsenable \(queue)", details: details)
        }
        if error == .notAuthorized {
            return .fail(
                "cupsd's policy refuses print jobs from user \(user.name) on \(queue)",
                fix:
                    "Allow the service user in /etc/cups/cupsd.conf (<Policy default>) or the queue's allow list (lpadmin -p \(queue) -u allow:USER), then restart cups",
                details: details)
        }
        return .fail("\(queue) refused a test validation: \(error.message)", fix: error.message, details: details)
    }
}
