import HexCoding
import SmartCard
import SocialSecurityCard

/// APDU round-trip latency to the card: the time a harmless command takes through pcscd, the
/// reader and the card and back, over several exchanges (min / median / max).
///
/// The command is SELECT of the SSSE by its AID with no Le (`00 A4 04 00 0F 7378…`): read-only,
/// answered by every social security card (`61xx` or `9000`) and by any other card with an error
/// word, which times the path just as well. One untimed SELECT of the MF goes first, as the
/// standard profile wants for cards whose SSSE lies under it. It leaves the SSSE selected, so run
/// diag when no resident is using the terminal.
struct RoundTripCheck: Check {
    let name = "round-trip"
    let category = CheckCategory.readers
    let prerequisites = ["card"]
    var choice: CardReaderChoice
    var exchanges: Int
    /// A median above this is slow enough to notice at the terminal.
    var warnAbove: Duration = .milliseconds(150)
    /// A median above this makes card operations take many seconds.
    var failAbove: Duration = .seconds(1)

    static let command = CommandAPDU(ins: 0xA4, p1: 0x04, data: CardProfile.standard.ssse.aid)
    static let preamble: CommandAPDU? = CardProfile.standard.selectMasterFileFirst ? .selectMasterFile : nil

    func run() async -> CheckResult {
        let context: PCSCContext
        let reader: String
        do {
            context = try await BlockingWork.run { () throws(SmartCardError) in try PCSCContext() }
            switch try await choice.resolve(context) {
            case .reader(let chosen): reader = chosen
            case .noCard:
                return .warn(
                    "no card to exchange APDUs with, so latency is not measured",
                    fix: "Insert a card, chip first, and run diag again")
            }
        } catch {
            return error.diagnosis(reader: choice.configured ?? "the card reader")
        }
        do {
            let connection = try await BlockingWork.run { () throws(SmartCardError) in
                try context.connectBlocking(reader: reader)
            }
            // No PIN or key is used, so nothing is left open; a reset would break the terminal's own
            // connections to this card (its PSAM session, say).
            defer { try? connection.disconnect(.leave) }
            let bytes = try Self.command.encoded()
            let preamble = try Self.preamble?.encoded()
            let (samples, words) = try await connection.withTransaction { card in
                if let preamble { _ = try await card.transmitRaw(preamble) }
                let clock = ContinuousClock()
                var samples: [Duration] = []
                var words: Set<String> = []
                for _ in 0..<exchanges {
                    let start = clock.now
                    let answer = try await card.transmitRaw(bytes)
                    samples.append(clock.now - start)
                    words.insert(answer.suffix(2).hexString)
                }
                return (samples, words)
            }
            return verdict(samples.sorted(), statusWords: words.sorted(), reader: reader)
        } catch let error as SmartCardError {
            return error.diagnosis(reader: reader)
        } catch {
            return .fail("\(reader): \(error)", fix: "Take the card out, insert it again and run diag again")
        }
    }

    private func verdict(_ sorted: [Duration], statusWords: [String], reader: String) -> CheckResult {
        guard let fastest = sorted.first, let slowest = sorted.last else {
            return .warn("no exchanges were asked for (--round-trips 0)", fix: "Ask for at least one round trip")
        }
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        let details: [String: DetailValue] = [
            "reader": "\(reader)",
            "command":
                "SELECT SSSE by AID, no Le (\((try? Self.command.encoded())?.hexString ?? ""))\(Self.preamble == nil ? "" : ", after one untimed SELECT MF")",
            "exchanges": .integer(sorted.count),
            "minMilliseconds": .number(fastest.milliseconds),
            "medianMilliseconds": .number(median.milliseconds),
            "maxMilliseconds": .number(slowest.milliseconds),
            "statusWords": .list(statusWords.map { "\($0)" }),
        ]
        let summary =
            "\(sorted.count) × SELECT SSSE on \(reader): min \(Self.text(fastest)), median \(Self.text(median)), max \(Self.text(slowest))"
        if median > failAbove {
            return .fail(
                "\(summary): far too slow",
                fix: "Plug the reader straight into the computer, not a hub; replace the reader",
                details: details)
        }
        if median > warnAbove {
            return .warn(
                "\(summary): slower than a healthy reader (median above \(Self.text(warnAbove)))",
                fix: "Plug the reader straight into the computer, not a hub; clean the card's chip; try another card",
                details: details)
        }
        return .pass(summary, details: details)
    }

    private static func text(_ duration: Duration) -> String {
        "\(duration.milliseconds.formatted(maximumFractionDigits: 2)) ms"
    }
}
