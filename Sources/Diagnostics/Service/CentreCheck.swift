import KioskCore

/// Can the terminal reach the centre? A TCP connection and, for https, a TLS handshake; whether
/// the centre's certificate is good is the next check's question.
struct CentreCheck: Check {
    var url: String
    let name = "centre"
    let category = CheckCategory.service

    func run() async -> CheckResult {
        guard let address = ServerAddress(url) else { return ServerAddress.malformed(url) }
        let outcome = await TLSProbe(address: address, verify: false).run()
        let details: [String: DetailValue] = [
            "url": "\(url)", "milliseconds": .number(outcome.milliseconds), "connected": .bool(outcome.connected),
        ]
        guard outcome.connected else {
            return .fail(
                "the centre at \(address) cannot be reached: \(outcome.failure.map(NetworkFailure.describe) ?? "no answer")",
                fix: TechnicianFix.reachCentre,
                details: details)
        }
        return .pass(
            "the centre answers at \(address) (\(outcome.milliseconds.formatted(maximumFractionDigits: 1)) ms)",
            details: details)
    }
}
