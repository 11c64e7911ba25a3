import Foundation
import SmartCard

/// Can this user open every reader through pcscd? pcscd, not the user, opens the USB device, but
/// it may refuse a client (polkit) or another program may hold a reader exclusively.
struct ReaderAccessCheck: Check {
    let name = "reader-access"
    let category = CheckCategory.permissions
    let prerequisites = ["readers"]
    /// The group the terminal service runs in.
    var serviceGroup: String

    func run() async -> CheckResult {
        let user = UserIdentity.current(serviceGroup: serviceGroup)
        var details: [String: DetailValue] = [
            "user": "\(user.name)", "uid": .integer(Int(user.uid)), "inServiceGroup": .bool(user.inServiceGroup),
        ]
        let outcomes: [(reader: String, error: SmartCardError?)]
        do {
            outcomes = try await BlockingWork.run { () throws(SmartCardError) in
                let context = try PCSCContext()
                var outcomes: [(reader: String, error: SmartCardError?)] = []
                for reader in try context.readers() {
                    do throws(SmartCardError) {
                        try context.connectBlocking(reader: reader).disconnect(.leave)
                        outcomes.append((reader, nil))
                    } catch {
                        outcomes.append((reader, error))
                    }
                }
                return outcomes
            }
        } catch {
            return error.diagnosis(reader: "the reader list", details: details)
        }
        // pcscd reached the slot for these: an empty slot or a mute card is not a permission problem.
        let reachable: Set<SmartCardError> = [.noCard, .cardUnresponsive, .cardUnpowered]
        let refused = outcomes.filter { $0.error.map { !reachable.contains($0) } ?? false }
        details["readers"] = .object(
            Dictionary(
                uniqueKeysWithValues: outcomes.map { outcome in
                    (
                        outcome.reader,
                        DetailValue.string(refused.contains { $0.reader == outcome.reader } ? "refused" : "opened")
                    )
                }))
        if let (reader, error) = refused.first, let error {
            return error.diagnosis(reader: reader, details: details)
        }
        return .pass(
            "user \(user.name) (uid \(user.uid)) can open \(outcomes.count == 1 ? "the reader" : "all \(outcomes.count) readers")",
            details: details)
    }
}
