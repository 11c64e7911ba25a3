import ArgumentParser
import CardSimulator
import Foundation
import SmartCard
import SocialSecurityCard

/// Card inserted -> typed cardholder, by the session (whole files) or by the naive per-tag reader.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Time connect -> typed cardholder (1.00/2.00 cards: no keys).")

    enum Peer: String, ExpressibleByArgument, CaseIterable {
        /// SocialSecurityCardSession: one READ RECORD per file.
        case swift
        /// PerTagReader: one READ RECORD per item.
        case swiftPerTag = "swift-per-tag"
        /// SocialSecurityCardSession over ``InlineChannel``: without the thread hop per APDU.
        case swiftInline = "swift-inline"
        /// SocialSecurityCardSession on the card image in this process: its own cost, without PC/SC.
        case swiftInProcess = "swift-in-process"
    }

    @OptionGroup var options: RunOptions

    @Option(help: "\(Peer.allCases.map(\.rawValue).joined(separator: " or ")).")
    var peer: Peer

    @Option(help: "The name on the card, when the image was made with --name.")
    var name: String?

    @Option(help: "swift-in-process: the card's image file.")
    var image: String?

    func validate() throws {
        if peer == .swiftInProcess && image == nil { throw ValidationError("swift-in-process needs --image.") }
    }

    func run() async throws {
        let expected = try SyntheticCard(seed: options.seed, generation: try options.cardGeneration(), name: name)
        let card = try image.map {
            SimulatedSocialSecurityCard(image: try CardImageFile(url: URL(fileURLWithPath: $0)).load())
        }
        try await measure(PCSCContext(), card: card, expected: expected.cardholder).report()
    }

    /// `@concurrent` keeps the loop off the main actor: service code awaits from the cooperative pool.
    @concurrent
    private func measure(_ context: PCSCContext, card: SimulatedSocialSecurityCard?, expected: Cardholder)
        async throws -> Measurement
    {
        var measurement = Measurement(peer: peer.rawValue)
        for run in 0..<(options.warmup + options.iterations) {
            let start = nowNanoseconds()
            let connection: CardConnection? =
                switch peer {
                case .swift, .swiftPerTag: try await context.connect(reader: options.reader)
                case .swiftInline: try context.connectBlocking(reader: options.reader)
                case .swiftInProcess: nil
                }
            let connected = nowNanoseconds()
            let channel =
                switch peer {
                case .swift, .swiftPerTag: CountingChannel(connection!)
                case .swiftInline: CountingChannel(InlineChannel(connection: connection!))
                case .swiftInProcess: CountingChannel(InProcessCardChannel(card: card!))
                }
            // As the kiosk does (ResidentCardReader): the read on the connection's own thread;
            // swift-inline stays on the cooperative pool.
            let executor = peer == .swiftInline ? nil : connection?.taskExecutor
            let cardholder = try await withTaskExecutorPreference(executor) {
                switch peer {
                case .swift, .swiftInline, .swiftInProcess:
                    let session = try await SocialSecurityCardSession.open(channel)
                    return try await session.readCardholder(of: try await session.readIdentity())
                case .swiftPerTag:
                    return try await PerTagReader(channel: channel).read().1
                }
            }
            let elapsed = nowNanoseconds() - start
            try connection?.disconnect(.reset)
            guard cardholder == expected else { throw BenchmarkFailure("\(peer): not the cardholder of the image") }
            try measurement.record(
                elapsed, connect: connected - start, card: channel.take(), timed: run >= options.warmup)
        }
        return measurement
    }
}
