import Foundation
import Printing

/// Prints a one-page PDF on a queue and follows it until it is printed, within a time limit.
/// Only on request (`--test-page`): it uses a sheet, and a resident may be waiting for the printer.
struct TestPageCheck: Check {
    var queue: String
    var service: CUPSPrintService
    /// How long the page may take; a page still waiting then is cancelled, so it never prints late.
    var timeout: Duration
    let name = "test-page"
    let category = CheckCategory.printers
    var prerequisites: [String] { ["cupsd", "printer:\(queue)"] }

    func run() async -> CheckResult {
        let clock = ContinuousClock()
        let start = clock.now
        let job: PrintJob
        do {
            let key = try IdempotencyKey("sskiosk-diag-test-page-\(UUID().uuidString.prefix(8))")
            let document = try PrintDocument(pdf: TestPage.pdf(at: Date()), title: "sskiosk test page")
            job = try await service.submit(document, to: .queue(queue), key: key, options: PrintOptions())
        } catch {
            return .fail("\(queue) did not take the test page: \(error.message)", fix: error.message)
        }
        var details: [String: DetailValue] = ["job": .integer(Int(job.id)), "queue": "\(queue)"]
        do {
            let finished = try await service.waitUntilFinished(job, timeout: timeout, every: .milliseconds(100))
            details["state"] = "\(finished.state)"
            let seconds = (clock.now - start).formattedSeconds
            guard finished.state == .completed else {
                return .fail(
                    "the test page (job \(job.id)) ended \(finished.state) after \(seconds): \(describe(finished))",
                    fix: "Look at the printer row above for its fault; then print the test page again",
                    details: details)
            }
            return .pass("the test page (job \(job.id)) printed in \(seconds)", details: details)
        } catch {
            let last = try? await service.job(job.id, on: .queue(queue))
            _ = try? await service.cancel(job)
            details["state"] = "\(last?.state ?? job.state)"
            return .fail(
                "the test page (job \(job.id)) was not printed within \(timeout.formattedSeconds): \(last.map(describe) ?? "no state"); it was cancelled",
                fix: "Look at the printer row above for its fault (paper, jam, power); then print the test page again",
                details: details)
        }
    }

    private func describe(_ job: PrintJob) -> String {
        let reasons = job.reasons.map { StateReason($0).plainWords }
        return
            ([job.state == .processing ? "printing" : "\(job.state)"] + reasons
            + (job.message.isEmpty ? [] : ["\"\(job.message)\""]))
            .joined(separator: ", ")
    }
}
