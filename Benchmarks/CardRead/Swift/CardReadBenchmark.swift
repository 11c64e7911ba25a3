// Card inserted -> typed cardholder through pcscd, and personalisation time per card.
// Benchmarks/CardRead/run compares the peers with the pyscard reader and with the APDU round
// trip of Benchmarks/APDURoundTrip's C loop, measured in the same run.
//
//   CardReadBenchmark read --reader R --peer swift|swift-per-tag --seed S --generation G [--name N] ...
//   CardReadBenchmark personalise --reader R (--keys FILE | --psam-reader R) --seed S --journal DIR ...
//   CardReadBenchmark exchanges --image FILE    (one read's APDUs and answers, for the C peer)
//
// Output, shared with the pyscard peer: "sample PEER NS CONNECT_NS" per timed run (from SCardConnect
// to the typed result, and the SCardConnect alone), then "apdus PEER CARD PSAM": the APDUs one run
// sends to the card and to the PSAM.
import ArgumentParser
import CardSimulator
import Glibc
import SocialSecurityCard

@main
struct CardReadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time reading and personalising a simulated social security card through pcscd.",
        subcommands: [ReadCommand.self, PersonaliseCommand.self, ExchangesCommand.self]
    )
}

/// What every measurement needs: where the card is, how often to run, which synthetic card it is.
struct RunOptions: ParsableArguments {
    @Option(help: "Reader holding the card.")
    var reader: String

    @Option(help: "Timed runs.")
    var iterations = 100

    @Option(help: "Untimed runs first.")
    var warmup = 10

    @Option(help: "Seed of the synthetic card in the reader (sskiosk sim image --seed).")
    var seed: UInt64

    @Option(help: "Its generation: 1.00, 2.00 or 3.00.")
    var generation = "2.00"

    func cardGeneration() throws -> CardGeneration {
        guard let generation = CardGeneration(specVersion: generation) else {
            throw ValidationError("--generation must be 1.00, 2.00 or 3.00.")
        }
        return generation
    }
}

/// One peer's timed runs and the APDUs of one run, which must be the same in every run.
struct Measurement {
    let peer: String
    private var samples: [(total: Int, connect: Int)] = []
    private var apdus: (card: Int, psam: Int)?

    init(peer: String) { self.peer = peer }

    mutating func record(_ nanoseconds: Int, connect: Int, card: Int, psam: Int = 0, timed: Bool) throws {
        if let apdus, apdus != (card, psam) {
            throw BenchmarkFailure("\(peer): \(card)+\(psam) APDUs in one run, \(apdus.card)+\(apdus.psam) in another")
        }
        apdus = (card, psam)
        if timed { samples.append((nanoseconds, connect)) }
    }

    func report() {
        var lines = ""
        for sample in samples { lines += "sample \(peer) \(sample.total) \(sample.connect)\n" }
        lines += "apdus \(peer) \(apdus?.card ?? 0) \(apdus?.psam ?? 0)"
        print(lines)
    }
}

/// CLOCK_MONOTONIC, the clock the C and Python peers read too.
func nowNanoseconds() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
