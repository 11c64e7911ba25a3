import ArgumentParser
import CardSimulator
import Logging

/// Runs a virtual card in a vpcd slot, as the rig does. The card stays "inserted" across pcscd
/// restarts: when the reader side goes away it reconnects, as a card left in a reader would.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sim", abstract: "Put a virtual card into a vpcd reader slot.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case testCard = "test-card"
    }

    @Argument(help: "The card to simulate: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind

    @Option(help: "vpcd slot port (35963 is the first slot, 35964 the second).")
    var port = InsertedCard.firstSlotPort

    @Option(help: "vpcd host.")
    var host = "127.0.0.1"

    func run() async throws {
        let logger = Logger(label: "sskiosk.sim")
        var waiting = false
        while !Task.isCancelled {
            do {
                let card = try await InsertedCard.insert(TestCard(), host: host, port: port, logger: logger)
                logger.info("card inserted", metadata: ["kind": "\(kind.rawValue)", "port": "\(port)"])
                waiting = false
                await card.waitUntilRemoved()
                logger.info("reader went away; reinserting when it is back")
            } catch {
                if !waiting { logger.info("waiting for vpcd on \(host):\(port)") }
                waiting = true
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }
}
