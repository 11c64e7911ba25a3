import HexCoding
import SmartCard

/// Which readers pcscd sees, in what state, and whether the ones this terminal is configured
/// with are among them.
struct ReadersCheck: Check {
    let name = "readers"
    let category = CheckCategory.readers
    let prerequisites = ["pcscd"]
    /// Readers the configuration names, with the role each plays ("card reader", "PSAM reader").
    var expected: [(role: String, reader: String)] = []

    func run() async -> CheckResult { await inspect().result }

    /// The check's verdict, with the readers pcscd listed (nil when it could not be asked). The
    /// terminal's heartbeat reports devices from it (``DeviceSurvey``).
    func inspect() async -> (result: CheckResult, statuses: [ReaderStatus]?) {
        let statuses: [ReaderStatus]
        do {
            statuses = try await BlockingWork.run { () throws(SmartCardError) in try PCSCContext().readerStatuses() }
        } catch {
            return (error.diagnosis(reader: "the reader list"), nil)
        }
        return (judge(statuses), statuses)
    }

    private func judge(_ statuses: [ReaderStatus]) -> CheckResult {
        let details: [String: DetailValue] = [
            "readers": .list(
                statuses.map { status in
                    [
                        "name": "\(status.reader)", "state": .list(status.state.names.map { "\($0)" }),
                        "atr": "\(status.atr.hexString)",
                    ]
                })
        ]
        let listed = statuses.map { "\($0.reader) (\($0.state.names.joined(separator: ", ")))" }
        guard !statuses.isEmpty else {
            return .fail(
                "pcscd sees no card reader",
                fix:
                    "Check the reader's USB cable and power and plug it in again; `lsusb` should list it (on the virtual rig: hardware/rig/rig up)",
                details: details)
        }
        let names = Set(statuses.map(\.reader))
        for (role, reader) in expected where !names.contains(reader) {
            return .fail(
                "the \(role) \"\(reader)\" is not connected; pcscd sees \(statuses.map(\.reader).joined(separator: ", "))",
                fix: "Plug it in, or name the right reader (see `sskiosk readers`)", details: details)
        }
        let unavailable = statuses.filter { $0.state.contains(.unavailable) }.map(\.reader)
        guard unavailable.isEmpty else {
            return .warn(
                "pcscd cannot use \(unavailable.joined(separator: ", ")); readers: \(listed.joined(separator: "; "))",
                fix:
                    "Plug the reader in again; if it keeps dropping out, replace the cable or hub and check its autosuspend quirk in hardware/catalogue.json",
                details: details)
        }
        return .pass(
            "\(statuses.count) reader\(statuses.count == 1 ? "" : "s"): \(listed.joined(separator: "; "))",
            details: details)
    }
}
