import Foundation
import KioskCore

/// The business commands the terminal sends the centre, named as the outbox and the ledger name
/// them. Names carry no personal data; payloads may (they go only to the centre).
enum OutboxCommand: String {
    case applicationSubmit = "application.submit"
    case applicationMove = "application.move"
    case cardRequest = "card.request"
    case cardMove = "card.move"

    /// Ordinary commands drain in the order they were made.
    static let normalPriority = 0
    /// A loss report goes before anything else: until the centre has it, a lost card still works
    /// elsewhere.
    static let lossReportPriority = 10

    static func priority(for kind: ApplicationKind) -> Int {
        kind == .lossReport ? lossReportPriority : normalPriority
    }

    static func priority(forCardMoveTo status: CardStatus) -> Int {
        status == .lost ? lossReportPriority : normalPriority
    }
}

/// The payload of `application.move`: the centre replays the move on its copy, checked against the
/// version the terminal built it on.
struct ApplicationMovePayload: Codable {
    var id: String
    var status: ApplicationStatus
    var by: String
    var at: Date
}

/// The payload of `card.move`.
struct CardMovePayload: Codable {
    var cardNumber: String
    var status: CardStatus
    var by: String
    var at: Date
}
