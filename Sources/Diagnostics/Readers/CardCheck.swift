import CardCrypto
import HexCoding
import SmartCard
import SocialSecurityCard

/// The card in the card reader: its answer to reset, and what kind of card it is. For a social
/// security card, the generation and algorithm, from the SSSE's FCI and the free-read EF05 only:
/// never the cardholder file, so no personal data is read. What is odd about a card that still
/// reads (``CardIdentity/warnings``) is shown here, to the technician, and never to the resident.
struct CardCheck: Check {
    let name = "card"
    let category = CheckCategory.readers
    let prerequisites = ["readers"]
    var choice: CardReaderChoice

    func run() async -> CheckResult {
        let context: PCSCContext
        let reader: String
        do {
            context = try await BlockingWork.run { () throws(SmartCardError) in try PCSCContext() }
            switch try await choice.resolve(context) {
            case .reader(let chosen): reader = chosen
            case .noCard(let readers):
                return .warn(
                    "no card in \(readers.isEmpty ? "any reader" : readers.joined(separator: " or ")), so the card path is not checked",
                    fix: "Insert a social security card (a test card will do), chip first, and run diag again")
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
            return try await examine(connection, reader: reader)
        } catch let error as SmartCardError {
            return error.diagnosis(reader: reader)
        } catch {
            return .fail("\(reader): \(error)", fix: "Take the card out, insert it again and run diag again")
        }
    }

    private func examine(_ connection: CardConnection, reader: String) async throws -> CheckResult {
        let bytes = try await BlockingWork.run { () throws(SmartCardError) in try connection.atrBlocking() }
        var details: [String: DetailValue] = [
            "reader": "\(reader)", "atr": "\(bytes.hexString)", "activeProtocol": "\(connection.activeProtocol)",
        ]
        let atr: ATR
        do {
            atr = try ATR(bytes: bytes)
        } catch {
            details["atrError"] = "\(error.message)"
            return .fail(
                "the card in \(reader) gave an invalid answer to reset (\(bytes.hexString))",
                fix: "Insert the card again, chip first; try another card; if every card fails, replace the reader",
                details: details)
        }
        details["protocols"] = .list(atr.protocols.map { "T=\($0)" })
        details["historicalBytes"] = "\(atr.historicalBytes.hexString)"
        let atrSummary = "ATR valid, \(atr.protocols.map { "T=\($0)" }.joined(separator: "/"))"
        do {
            let (algorithm, factory, warnings) = try await connection.withTransaction { card in
                let session = try await SocialSecurityCardSession.open(card)
                let (factory, identity) = try await session.readFactoryDataAndIdentity()
                // A blank card has no identity yet, so nothing odd to say of it.
                return (session.algorithm, factory, identity?.warnings ?? [])
            }
            details["kind"] = "social security card"
            details["generation"] = "\(factory.generation.rawValue)"
            details["algorithm"] = "\(algorithm)"
            details["issuingRegion"] = "\(factory.cardIdentifier.regionCode)"
            let summary =
                "social security card in \(reader): spec \(factory.generation.rawValue), \(algorithm), \(atrSummary)"
            guard warnings.isEmpty else {
                details["cardWarnings"] = .list(warnings.map(DetailValue.string))
                return .warn(
                    "\(summary); it reads, but differs from the card profile: \(warnings.joined(separator: "; "))",
                    fix: "Nothing to do for the resident; if many cards show this, ask support to check the card "
                        + "profile",
                    details: details)
            }
            return .pass(summary, details: details)
        } catch let error as SocialSecurityCardError {
            if let underlying = error.underlying { return underlying.diagnosis(reader: reader, details: details) }
            return diagnosis(of: error, reader: reader, atrSummary: atrSummary, details: details)
        }
    }

    private func diagnosis(
        of error: SocialSecurityCardError, reader: String, atrSummary: String, details: [String: DetailValue]
    ) -> CheckResult {
        var details = details
        switch error {
        case .notSocialSecurityCard:
            details["kind"] = "not a social security card"
            return .warn(
                "the card in \(reader) is not a social security card (\(atrSummary)); the reader works",
                fix: "Insert a social security card to check the whole card path", details: details)
        case .applicationBlocked, .cardBlocked:
            details["kind"] = "social security card, blocked"
            return .warn(
                "the social security card in \(reader) is blocked (\(atrSummary)); the reader works",
                fix: "Check the terminal with another card; send the cardholder to a service desk", details: details)
        default:
            details["kind"] = "social security card, unreadable"
            return .fail(
                "the social security card in \(reader) could not be read: \(error.message)",
                fix: "Try another card; if every card fails, ask support to check the card profile for this region",
                details: details)
        }
    }
}
