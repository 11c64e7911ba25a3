import ArgumentParser
import Printing

/// Lists cupsd's queues with what a technician needs: state, fault, reasons, supplies.
struct PrintQueuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues", abstract: "List print queues and their state.")

    func run() async throws {
        let queues = try await CUPSPrintService().queues()
        if queues.isEmpty {
            print("No print queue. Add one with lpadmin; on the virtual rig run: hardware/rig/rig up printers")
            return
        }
        for queue in queues {
            let marker = queue.isDefault ? " (default)" : ""
            print("\(queue.name)\(marker): \(queue.makeAndModel.isEmpty ? queue.info : queue.makeAndModel)")
            if !queue.deviceURI.isEmpty { print("  device: \(queue.deviceURI)") }
            print("  \(queue.status.technicianSummary)")
            print("  resident sees: \(queue.status.residentMessage.zh) / \(queue.status.residentMessage.en)")
        }
    }
}
