import ArgumentParser
import CardSimulator
import Foundation
import HexCoding
import Logging
import SmartCard
import SocialSecurityCard

/// Runs a virtual card in a vpcd slot, as the rig does. The card stays "inserted" across pcscd
/// restarts: when the reader side goes away it reconnects, as a card left in a reader would.
struct SimInsertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insert",
        abstract: "Put a virtual card into a vpcd reader slot (until this process ends)."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case testCard = "test-card"
        case ssCard = "ss-card"
        case psam
        case replay
    }

    @Argument(help: "The card to simulate: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind

    @Option(help: "ss-card: the card image (JSON); writes to the card are saved back to it.")
    var image: String?

    @Option(help: "replay: a recorded trace of a real card (Tests/Traces), answered exactly as recorded.")
    var trace: String?

    @Option(help: "psam: the test key set it holds.")
    var keys: String?

    @Option(help: "psam: the terminal number in its EF16 (hex, 6 bytes).")
    var terminal = "000000000001"

    @Option(help: "vpcd slot port (35963 is the first slot, 35964 the second).")
    var port = InsertedCard.firstSlotPort

    @Option(help: "vpcd host.")
    var host = "127.0.0.1"

    @OptionGroup var faults: FaultOptions

    func validate() throws {
        if kind == .ssCard && image == nil {
            throw ValidationError("ss-card needs --image FILE (make one with: sskiosk sim image).")
        }
        if kind == .psam && keys == nil { throw ValidationError("psam needs --keys FILE.") }
        if kind == .replay && trace == nil { throw ValidationError("replay needs --trace FILE.") }
        guard [UInt8](hex: terminal)?.count == 6 else { throw ValidationError("--terminal must be 6 bytes of hex.") }
    }

    func run() async throws {
        let logger = Logger(label: "sskiosk.sim")
        let plan = try faults.plan()
        var waiting = false
        while !Task.isCancelled {
            do {
                let card = try await insert(plan: plan, logger: logger)
                logger.info("card inserted", metadata: ["kind": "\(kind.rawValue)", "port": "\(port)"])
                waiting = false
                await card.waitUntilRemoved()
                // A card pulled by its fault plan stays out, as a pulled card would.
                if plan != .none { return }
                logger.info("reader went away; reinserting when it is back")
            } catch let error as SocialSecurityCardError {
                throw error
            } catch {
                if !waiting { logger.info("waiting for vpcd on \(host):\(port)") }
                waiting = true
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    private func insert(plan: FaultPlan, logger: Logger) async throws -> InsertedCard {
        switch kind {
        case .testCard:
            return try await InsertedCard.insert(TestCard(), host: host, port: port, faults: plan, logger: logger)
        case .ssCard:
            let file = CardImageFile(url: URL(fileURLWithPath: image!))
            let card = SimulatedSocialSecurityCard(image: try file.load()) { try? file.save($0) }
            return try await InsertedCard.insert(card, host: host, port: port, faults: plan, logger: logger)
        case .replay:
            let card = ReplayCard(trace: try APDUTrace(contentsOf: URL(fileURLWithPath: trace!)))
            return try await InsertedCard.insert(card, host: host, port: port, faults: plan, logger: logger)
        case .psam:
            let keySet = try SoftwareKeySet(contentsOf: URL(fileURLWithPath: keys!))
            let card = SimulatedPSAM(keys: keySet, terminalNumber: [UInt8](hex: terminal)!)
            return try await InsertedCard.insert(card, host: host, port: port, faults: plan, logger: logger)
        }
    }
}
