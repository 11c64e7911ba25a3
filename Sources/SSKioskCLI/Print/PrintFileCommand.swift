import ArgumentParser
import Foundation
import Printing

/// Prints a PDF once under an idempotency key and follows the job until it ends.
struct PrintFileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file",
        abstract: "Print a PDF file, once per key.",
        discussion: """
            Running it again with the same --key does not print again: it finds the job and reports it.
            Example: sskiosk print file proof.pdf --queue rig-a4 --key t0001-000042
            """
    )

    @Argument(help: "The PDF file.")
    var pdf: String

    @Option(help: "cupsd queue; default: the default queue.")
    var queue: String?

    @Option(help: "An IPP printer's address, printed to without cupsd (ipp://HOST:PORT/PATH).")
    var uri: String?

    @Option(help: "Idempotency key (letters, digits, - _ . :); default: a new one, printed for retries.")
    var key: String?

    @Option(help: "PWG media name, e.g. iso_a4_210x297mm or custom_cr80_85.6x53.98mm.")
    var media: String?

    @Option(help: "Seconds to wait for the job to finish; 0 submits without waiting.")
    var timeout = 300

    func validate() throws {
        if queue != nil && uri != nil { throw ValidationError("Give --queue or --uri, not both.") }
        if timeout < 0 { throw ValidationError("--timeout cannot be negative.") }
    }

    func run() async throws {
        let service = CUPSPrintService()
        let target = try await resolveTarget(service)
        let key = try IdempotencyKey(self.key ?? "cli-\(UUID().uuidString.lowercased())")
        let document = try PrintDocument(contentsOfFile: pdf)
        let job = try await service.submit(document, to: target, key: key, options: PrintOptions(media: media))
        print("\(job) [key \(key)]")
        guard timeout > 0 else { return }
        let finished = try await service.waitUntilFinished(job, timeout: .seconds(timeout)) { progress in
            guard !progress.job.state.isFinished else { return }
            let message = progress.printer?.residentMessage
            print("  \(progress.job.state)\(message.map { ": \($0.zh) / \($0.en)" } ?? "")")
            if let printer = progress.printer, printer.fault != nil { print("  \(printer.technicianSummary)") }
        }
        print("\(finished)")
        if finished.state != .completed { throw ExitCode.failure }
    }

    private func resolveTarget(_ service: CUPSPrintService) async throws -> PrintTarget {
        if let uri { return .printer(uri: uri) }
        if let queue { return .queue(queue) }
        guard let queue = try await service.queues().first(where: \.isDefault) else {
            throw ValidationError("No default queue: give --queue NAME or --uri URI (see: sskiosk print queues).")
        }
        return queue.target
    }
}
