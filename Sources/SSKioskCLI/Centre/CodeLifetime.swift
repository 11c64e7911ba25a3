import ArgumentParser
import Foundation

/// How long an enrolment code stays good, as people write it: `30m`, `24h`, `7d`.
struct CodeLifetime: ExpressibleByArgument {
    let seconds: TimeInterval

    static let units: [Character: TimeInterval] = ["m": 60, "h": 3600, "d": 86_400]

    init?(argument: String) {
        guard let unit = argument.last.flatMap({ Self.units[$0] }), let count = Int(argument.dropLast()), count > 0
        else { return nil }
        seconds = TimeInterval(count) * unit
    }

    var defaultValueDescription: String { "24h" }
}
