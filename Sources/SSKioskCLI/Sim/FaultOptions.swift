import ArgumentParser
import CardSimulator

/// Faults a simulated card shows on purpose (see ``FaultPlan``), for tests and demonstrations.
struct FaultOptions: ParsableArguments {
    @Option(help: "Pull the card when APDU number N arrives, before the card acts on it.")
    var removeBefore: Int?

    @Option(help: "Pull the card after it acted on APDU number N, before it answers.")
    var removeAfter: Int?

    @Option(help: "Delay every answer by this many milliseconds.")
    var delayMs = 0

    @Option(help: "Answer APDU number N with one garbled byte.")
    var corrupt: Int?

    @Option(help: "Answer APDU number N with status word SW instead (N:SW, e.g. 3:6A82); repeatable.")
    var refuse: [String] = []

    func plan() throws -> FaultPlan {
        var refusals: [Int: UInt16] = [:]
        for rule in refuse {
            let parts = rule.split(separator: ":")
            guard parts.count == 2, let number = Int(parts[0]), let word = UInt16(parts[1], radix: 16) else {
                throw ValidationError("--refuse takes N:SW with SW in hex, e.g. 3:6A82 (got '\(rule)').")
            }
            refusals[number] = word
        }
        return FaultPlan(
            removeBeforeAPDU: removeBefore,
            removeAfterAPDU: removeAfter,
            delay: .milliseconds(delayMs),
            corruptAPDU: corrupt,
            refusals: refusals
        )
    }
}
