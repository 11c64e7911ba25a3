import HexCoding
import SmartCard
import SocialSecurityCard

/// The PSAM in its slot: present, and answering as a PSAM (its application selects and its
/// terminal number reads). No key is used.
struct PSAMCheck: Check {
    let name = "psam"
    let category = CheckCategory.readers
    let prerequisites = ["readers"]
    var reader: String

    func run() async -> CheckResult {
        var details: [String: DetailValue] = ["reader": "\(reader)"]
        do {
            let connection = try await BlockingWork.run { () throws(SmartCardError) in
                try PCSCContext().connectBlocking(reader: reader)
            }
            // No PIN or key is used, so nothing is left open; a reset would break the terminal's own
            // connections to this card (its PSAM session, say).
            defer { try? connection.disconnect(.leave) }
            let terminalNumber = try await connection.withTransaction { card in
                try await PSAMKeyProvider(channel: card).terminalNumber
            }
            details["terminalNumber"] = "\(terminalNumber.hexString)"
            return .pass("PSAM present in \(reader), terminal number \(terminalNumber.hexString)", details: details)
        } catch let error as SmartCardError where error == .noCard {
            return .fail(
                "no PSAM in its slot \(reader)",
                fix:
                    "Insert the PSAM into \(reader), chip towards the contacts; if the reader has several SAM slots, check --psam-reader names the one it is in",
                details: details)
        } catch let error as SmartCardError {
            return error.diagnosis(reader: reader, details: details)
        } catch let error as SocialSecurityCardError {
            if let underlying = error.underlying { return underlying.diagnosis(reader: reader, details: details) }
            return .fail(
                "the card in the PSAM slot \(reader) does not answer as a PSAM: \(error.message)",
                fix:
                    "Check that the PSAM, not another card, is in \(reader); if it is, the PSAM may be blocked: ask the issuing centre",
                details: details)
        } catch {
            return .fail("\(reader): \(error)", fix: "Take the PSAM out, insert it again and run diag again")
        }
    }
}
