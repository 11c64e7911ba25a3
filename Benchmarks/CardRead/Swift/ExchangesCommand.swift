import ArgumentParser
import CardSimulator
import Foundation
import HexCoding
import SmartCard
import SocialSecurityCard

/// The APDUs of one read by the session (the `swift` peer's), with the card's answers, recorded on
/// the card's image in this process: the work the C peer `c-read` repeats through pcscd.
struct ExchangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exchanges",
        abstract: "Print one read's APDUs and answers, \"COMMAND RESPONSE\" in hex, one exchange a line.")

    @Option(help: "The card's image file.")
    var image: String

    func run() async throws {
        let card = SimulatedSocialSecurityCard(image: try CardImageFile(url: URL(fileURLWithPath: image)).load())
        let channel = RecordingChannel(InProcessCardChannel(card: card))
        let session = try await SocialSecurityCardSession.open(channel)
        _ = try await session.readCardholder(of: try await session.readIdentity())
        for exchange in channel.exchanges {
            print(exchange.command.compactHexString, exchange.response.compactHexString)
        }
    }
}
