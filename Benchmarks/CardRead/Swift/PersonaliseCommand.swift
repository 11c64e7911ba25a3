import ArgumentParser
import CardSimulator
import Foundation
import SmartCard
import SocialSecurityCard

/// A desk personalising the card in the reader, again and again: connect -> personalised, read
/// back and compared. Every run after the first rewrites a personalised card, which sends the
/// same APDUs as a blank one.
struct PersonaliseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "personalise", abstract: "Time connect -> personalised card (software keys or a PSAM).")

    @OptionGroup var options: RunOptions

    @Option(help: "A test key set file (peer personalise-software).")
    var keys: String?

    @Option(help: "Reader holding the PSAM (peer personalise-psam).")
    var psamReader: String?

    @Option(help: "The desk's journal directory.")
    var journal: String

    @Option(help: "With --keys: personalise this blank card image in this process (peer personalise-in-process).")
    var image: String?

    func validate() throws {
        guard (keys == nil) != (psamReader == nil) else { throw ValidationError("Give --keys or --psam-reader.") }
        if image != nil && keys == nil { throw ValidationError("--image goes with --keys.") }
    }

    func run() async throws {
        let person = try SyntheticCard(seed: options.seed, generation: try options.cardGeneration())
        let blank = try image.map { try CardImageFile(url: URL(fileURLWithPath: $0)).load() }
        try await measure(PCSCContext(), person: person, blank: blank).report()
    }

    /// `blank`: personalise a fresh in-process card from this image each run, which the terminal's
    /// own costs (keys, MACs, journal) show without PC/SC or the simulator's saving of its image.
    @concurrent
    private func measure(_ context: PCSCContext, person: SyntheticCard, blank: CardImage?) async throws -> Measurement {
        // The desk's key provider is ready before the card comes: not part of a card's time.
        let psam: CountingChannel?
        let provider: any KeyProvider
        if let psamReader {
            let channel = CountingChannel(try await context.connect(reader: psamReader))
            provider = try await PSAMKeyProvider(channel: channel)
            _ = channel.take()
            psam = channel
        } else {
            psam = nil
            provider = try SoftwareKeySet(contentsOf: URL(fileURLWithPath: keys!))
        }
        let personaliser = Personaliser(
            keys: provider, journal: try FileJournal(directory: URL(fileURLWithPath: journal)))

        let peer = blank != nil ? "personalise-in-process" : psam == nil ? "personalise-software" : "personalise-psam"
        var measurement = Measurement(peer: peer)
        for run in 0..<(options.warmup + options.iterations) {
            let start = nowNanoseconds()
            let (report, connected, end, apdus): (Personaliser.Report, Int, Int, Int)
            if let blank {
                connected = start
                let channel = CountingChannel(InProcessCardChannel(card: SimulatedSocialSecurityCard(image: blank)))
                report = try await personalise(channel, person: person, personaliser: personaliser)
                (end, apdus) = (nowNanoseconds(), channel.take())
            } else {
                // As the desk's DeskCardWriter does, on the connection's own thread; the disconnect
                // (a reset) is timed apart and taken off, as in the read.
                let done = try await context.withConnection(reader: options.reader, disconnecting: .reset) {
                    connection in
                    let connected = nowNanoseconds()
                    let channel = CountingChannel(connection)
                    let report = try await personalise(channel, person: person, personaliser: personaliser)
                    let disconnecting = nowNanoseconds()
                    try connection.disconnect(.reset)
                    return (report, connected, nowNanoseconds() - disconnecting, channel.take())
                }
                (report, connected, end, apdus) = (done.0, done.1, nowNanoseconds() - done.2, done.3)
            }
            guard report.stepsDone == report.totalSteps else { throw BenchmarkFailure("a run resumed an old job") }
            try measurement.record(
                end - start, connect: connected - start, card: apdus, psam: psam?.take() ?? 0,
                timed: run >= options.warmup)
        }
        return measurement
    }

    private func personalise(_ channel: CountingChannel, person: SyntheticCard, personaliser: Personaliser)
        async throws -> Personaliser.Report
    {
        try await personaliser.personalise(
            try await SocialSecurityCardSession.open(channel), identity: person.identity,
            cardholder: person.cardholder, pin: try PIN(digits: "246810"))
    }
}
