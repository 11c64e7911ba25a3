import ArgumentParser
import HexCoding
import SmartCard

/// Lists the readers pcscd knows, with the card in each.
struct ReadersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readers", abstract: "List card readers and their cards.")

    func run() async throws {
        let context = try PCSCContext()
        let readers = try context.readers()
        if readers.isEmpty {
            print("No card reader found. Check the reader's cable; on the virtual rig run: hardware/rig/rig up")
            return
        }
        for reader in readers {
            do {
                let card = try await context.connect(reader: reader)
                let atr = try card.atrBlocking()
                print("\(reader): card present, \(card.activeProtocol), ATR \(atr.hexString)")
                // Only the ATR was read: leaving the card does not disturb a session another program holds.
                try card.disconnect(.leave)
            } catch  where error == .noCard {
                print("\(reader): no card")
            } catch {
                print("\(reader): \(error.message)")
            }
        }
    }
}
