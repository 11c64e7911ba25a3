import ArgumentParser
import CardSimulator
import Foundation
import HexCoding
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
        /// SocialSecurityCardSession over ``InlineChannel``: connect and APDUs on this thread, no switch.
        case swiftInline = "swift-inline"
        /// SocialSecurityCardSession on the card image in this process: its own cost, without PC/SC.
        case swiftInProcess = "swift-in-process"
        /// The C peer's recorded APDUs sent as the `swift` peer sends them, with no decoding: the cost
        /// of the product's PC/SC path alone.
        case swiftExchanges = "swift-exchanges"
        /// The C peer's recorded APDUs sent with the blocking calls from the calling thread, no switch
        /// and nothing decoded: the floor's own work, done by a Swift process.
        case swiftBlocking = "swift-blocking"
    }

    @OptionGroup var options: RunOptions

    @Option(help: "\(Peer.allCases.map(\.rawValue).joined(separator: " or ")).")
    var peer: Peer

    @Option(help: "The name on the card, when the image was made with --name.")
    var name: String?

    @Option(help: "swift-in-process: the card's image file.")
    var image: String?

    @Option(help: "swift-exchanges: the exchanges file (CardReadBenchmark exchanges).")
    var exchanges: String?

    func validate() throws {
        if peer == .swiftInProcess && image == nil { throw ValidationError("swift-in-process needs --image.") }
        if [.swiftExchanges, .swiftBlocking].contains(peer) && exchanges == nil {
            throw ValidationError("\(peer.rawValue) needs --exchanges.")
        }
    }

    func run() async throws {
        if let exchanges {
            try await measure(PCSCContext(), exchanges: try Self.exchanges(in: exchanges)).report()
            return
        }
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
        let turn = try Turn()
        for run in 0..<(options.warmup + options.iterations) {
            try turn.take()
            let start = nowNanoseconds()
            let (cardholder, connected, end, apdus): (Cardholder, Int, Int, Int)
            switch peer {
            case .swift, .swiftPerTag:
                // As the kiosk's ResidentCardReader does: connect, read and disconnect with a reset
                // on the connection's own thread, one switch onto it and one back. The disconnect
                // is not timed (nor is the floor's): the read makes it itself and its time is
                // taken off, so the switch back to this task is in the figure.
                let result = try await context.withConnection(reader: options.reader, disconnecting: .reset) {
                    connection in
                    let connected = nowNanoseconds()
                    let channel = CountingChannel(connection)
                    let cardholder = try await read(channel)
                    let disconnecting = nowNanoseconds()
                    try connection.disconnect(.reset)
                    return (cardholder, connected, nowNanoseconds() - disconnecting, channel.take())
                }
                (cardholder, connected, end, apdus) = (result.0, result.1, nowNanoseconds() - result.2, result.3)
            case .swiftInline:
                let connection = try context.connectBlocking(reader: options.reader)
                connected = nowNanoseconds()
                let channel = CountingChannel(InlineChannel(connection: connection))
                cardholder = try await read(channel)
                (end, apdus) = (nowNanoseconds(), channel.take())
                try connection.disconnect(.reset)
            case .swiftExchanges, .swiftBlocking:
                throw BenchmarkFailure("\(peer) reads no cardholder")
            case .swiftInProcess:
                connected = start
                let channel = CountingChannel(InProcessCardChannel(card: card!))
                cardholder = try await read(channel)
                (end, apdus) = (nowNanoseconds(), channel.take())
            }
            try turn.hand()
            guard cardholder == expected else { throw BenchmarkFailure("\(peer): not the cardholder of the image") }
            try measurement.record(end - start, connect: connected - start, card: apdus, timed: run >= options.warmup)
        }
        return measurement
    }

    /// The recorded exchanges sent as the `swift` peer sends its APDUs, on the connection's thread
    /// (`swift-exchanges`), or from this thread with the blocking calls (`swift-blocking`), each
    /// answer checked against the recorded one as the C peer checks it.
    @concurrent
    private func measure(_ context: PCSCContext, exchanges: [(command: [UInt8], response: [UInt8])])
        async throws -> Measurement
    {
        var measurement = Measurement(peer: peer.rawValue)
        let turn = try Turn()
        for run in 0..<(options.warmup + options.iterations) {
            try turn.take()
            let start = nowNanoseconds()
            let (connected, disconnect): (Int, Int)
            if peer == .swiftBlocking {
                let connection = try context.connectBlocking(reader: options.reader)
                connected = nowNanoseconds()
                disconnect = try await send(exchanges, on: connection, blocking: true)
            } else {
                (connected, disconnect) = try await context.withConnection(
                    reader: options.reader, disconnecting: .reset
                ) { connection in
                    (nowNanoseconds(), try await send(exchanges, on: connection, blocking: false))
                }
            }
            let end = nowNanoseconds()
            try turn.hand()
            try measurement.record(
                end - disconnect - start, connect: connected - start, card: exchanges.count,
                timed: run >= options.warmup)
        }
        return measurement
    }

    /// Sends the exchanges' commands on `connection`, with the blocking calls or the async ones (on
    /// the connection's thread), fails unless each answer is the recorded one, and disconnects with
    /// a reset; returns how long the disconnect took, which the measurement leaves out.
    private func send(
        _ exchanges: [(command: [UInt8], response: [UInt8])], on connection: CardConnection, blocking: Bool
    ) async throws -> Int {
        for exchange in exchanges {
            let answer =
                blocking
                ? try connection.transmitRawBlocking(exchange.command)
                : try await connection.transmitRaw(exchange.command)
            guard answer == exchange.response else {
                throw BenchmarkFailure("\(peer): an answer is not the recorded one")
            }
        }
        let disconnecting = nowNanoseconds()
        try connection.disconnect(.reset)
        return nowNanoseconds() - disconnecting
    }

    /// The "COMMAND RESPONSE" lines of an exchanges file.
    private static func exchanges(in path: String) throws -> [(command: [UInt8], response: [UInt8])] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let words = line.split(separator: " ").map { [UInt8](hex: String($0)) }
            guard words.count == 2, let command = words[0], let response = words[1] else {
                throw BenchmarkFailure("\(path): \"\(line)\" is not two words of hex")
            }
            return (command, response)
        }
    }

    /// The cardholder, by the peer's reader, from whichever thread the caller is on.
    private func read(_ channel: CountingChannel) async throws -> Cardholder {
        switch peer {
        case .swift, .swiftInline, .swiftInProcess, .swiftExchanges, .swiftBlocking:
            let session = try await SocialSecurityCardSession.open(channel)
            return try await session.readCardholder(of: try await session.readIdentity())
        case .swiftPerTag:
            return try await PerTagReader(channel: channel).read().1
        }
    }
}
