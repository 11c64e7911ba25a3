import Foundation
import Hummingbird
import KioskCore
import SocialSecurityCard
import Vocabulary

/// Desk operations beyond intake: a card's record, personalising it in the desk reader,
/// replacement; the ledger for auditors and the supervisor's end-of-day review.
extension KioskAPI {
    var deskRoutes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/desk/card", inspectDeskCard),
            APIRoute(.get, "/api/cards", cardQueue),
            APIRoute(.get, "/api/cards/{cardNumber}", card),
            APIRoute(.post, "/api/cards/{cardNumber}/id-number", fullIDNumber),
            APIRoute(.post, "/api/cards/{cardNumber}/personalise", personalise),
            APIRoute(.post, "/api/cards/{cardNumber}/replacement", replaceCard),
            APIRoute(.post, "/api/cards/{cardNumber}/unblock", unblockApplication),
            APIRoute(.get, "/api/ledger", ledger),
            APIRoute(.get, "/api/review", dayReview),
            APIRoute(.post, "/api/review", signOffDay),
            APIRoute(.post, "/api/review/refused/{key}/close", closeRefused),
            APIRoute(.post, "/api/validate", validate),
        ]
    }

    /// The card in the desk reader, for the clerks and supervisors who handle cards (technicians see
    /// the same oddities without the card number in diagnostics): blank or whose, and what is odd about it.
    private func inspectDeskCard(_ request: Request, _ context: Context) async throws -> Response {
        guard case .staff(let member) = try await principal(request), [.clerk, .supervisor].contains(member.role)
        else { throw KioskError.forbidden("desk-card") }
        return try JSONBody.response(try await desk.inspect(reader: configuration.deskReader))
    }

    /// The jurisdiction's cards in one status (`?status=in-production`, the default): the issuance queue.
    private func cardQueue(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let text = request.uri.queryParameters.get("status").map { String($0) } ?? CardStatus.inProduction.rawValue
        guard let status = CardStatus(rawValue: text) else {
            throw KioskError.invalid("status", chinese: "卡片状态有误。", english: "Unknown card status.")
        }
        return try JSONBody.response(try await services.cards(in: status, for: principal))
    }

    struct ValidationRequest: Decodable {
        var field: String
        var value: String
    }

    struct ValidationResult: Encodable {
        var field: String
        var valid: Bool
        var messageChinese: String?
        var message: String?
    }

    /// The form fields a page may check as they are typed, by the rules the service applies
    /// when the form is sent.
    static var validators: [String: @Sendable (String) throws -> Void] {
        [
            "id-number": { _ = try InputValidation.idNumber($0, today: CardDate.today()) },
            "name": { _ = try InputValidation.name($0) },
            "phone": { _ = try InputValidation.phone($0) },
            "region-code": { _ = try InputValidation.regionCode($0) },
            "date": { _ = try InputValidation.date($0) },
        ]
    }

    /// One field checked, so a desk page can say what is wrong while the clerk types. The answer
    /// is the service's own message; it says nothing of any person.
    private func validate(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONBody.decode(ValidationRequest.self, from: request)
        guard let check = Self.validators[body.field] else {
            throw KioskError.invalid(
                "field", chinese: "无法检查该项。", english: "Unknown field: id-number, name, phone, region-code or date.")
        }
        do {
            try check(body.value)
            return try JSONBody.response(ValidationResult(field: body.field, valid: true))
        } catch let error as KioskError {
            return try JSONBody.response(
                ValidationResult(
                    field: body.field, valid: false, messageChinese: error.messageChinese, message: error.message))
        }
    }

    private func card(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        return try JSONBody.response(
            try await services.card(try context.parameters.require("cardNumber"), for: principal))
    }

    struct FullIDNumberRequest: Decodable {
        /// One of ``IDNumberPurpose``.
        var purpose: String?
    }

    struct FullIDNumber: Encodable {
        var cardNumber: String
        var idNumber: String
        var purpose: IDNumberPurpose
    }

    /// The full ID number of a card's holder, which every other answer masks: for a stated purpose,
    /// to the roles that may, each read on the ledger (the number masked there).
    private func fullIDNumber(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let cardNumber = try context.parameters.require("cardNumber")
        let body = try await JSONBody.decode(FullIDNumberRequest.self, from: request)
        let (idNumber, purpose) = try await services.fullIDNumber(
            ofCard: cardNumber, purpose: body.purpose, for: principal)
        return try JSONBody.response(FullIDNumber(cardNumber: cardNumber, idNumber: idNumber, purpose: purpose))
    }

    /// Writes the card in the desk reader; progress goes to the event stream. A card pulled half
    /// way leaves the record as it was, and the same card put back carries on. The body is
    /// `{"pin": "123456", "ethnicity": "01"}`: the card's first PIN, typed by the resident on the
    /// desk's PIN pad (read as ``PINBody`` reads PINs), and the GB 3304 nationality code from the
    /// resident's papers ("01" 汉族).
    private func personalise(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let cardNumber = try context.parameters.require("cardNumber")
        let body = try await PINBody(request)
        guard let code = try body.string("ethnicity") else { throw APIError.malformedBody }
        guard let ethnicity = Ethnicity(code: code) else {
            throw KioskError.invalid(
                "ethnicity", chinese: "民族代码应为GB 3304所列的两位数字（如汉族为01）。",
                english: "The ethnicity is a two-digit code GB 3304 lists (01 for Han).")
        }
        let pin = try body.pin("pin", length: 6)
        let (card, person) = try await services.cardToPersonalise(cardNumber, by: principal)
        let today = CardDate.today()
        let job = DeskCardWriter.Job(
            person: person, cardNumber: card.cardNumber, ethnicity: ethnicity, issued: today, yearsValid: 10)
        let (progress, continuation) = AsyncStream.makeStream(of: (Int, Int).self)
        let events = self.events
        let reader = configuration.deskReader
        let forwarding = Task {
            for await (done, total) in progress {
                await events.publish(
                    ServerEvent(type: "personalise-progress", reader: reader, done: done, total: total))
            }
        }
        let chip: String
        do {
            defer { continuation.finish() }
            chip = try await desk.personalise(job, pin: pin, reader: reader) { continuation.yield(($0, $1)) }
        } catch let error as SocialSecurityCardError where error.underlying != nil || error == .cardChanged {
            await forwarding.value
            throw APIError.personalisationInterrupted
        }
        await forwarding.value
        return try JSONBody.response(try await services.personalised(cardNumber, chip: chip, by: principal))
    }

    /// Unblocks the application of the card in the desk reader (blocked at the chip, as a loss or a
    /// centre's order does), staff only, on the ledger. The chip is checked by the MAC: the card in
    /// the reader must be the card on record.
    private func unblockApplication(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let cardNumber = try context.parameters.require("cardNumber")
        let cardIdentifier = try await services.cardToUnblock(cardNumber, by: principal)
        try await desk.unblockApplication(cardIdentifier: cardIdentifier, reader: configuration.deskReader)
        return try JSONBody.response(try await services.applicationUnblocked(cardNumber, by: principal))
    }

    struct ReplacementRequest: Decodable { var newCardNumber: String }

    private func replaceCard(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let body = try await JSONBody.decode(ReplacementRequest.self, from: request)
        return try JSONBody.response(
            try await services.replaceCard(
                try context.parameters.require("cardNumber"), with: body.newCardNumber, by: principal),
            status: .created)
    }

    private func ledger(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let query = request.uri.queryParameters
        let from = query.get("from").flatMap { Int64(String($0)) } ?? 1
        let limit = query.get("limit").flatMap { Int(String($0)) } ?? 100
        return try JSONBody.response(try await services.ledger(from: from, limit: limit, for: principal))
    }

    private func reviewDay(_ request: Request) throws -> Date {
        let day = try request.uri.queryParameters.get("day").map { text throws(KioskError) in
            try InputValidation.date(String(text))
        }
        return day.flatMap { Self.noonInChina($0) } ?? now()
    }

    private func dayReview(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        return try JSONBody.response(try await services.dayReview(day: try reviewDay(request), for: principal))
    }

    struct SignOffRequest: Decodable { var day: String }

    private func signOffDay(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let body = try await JSONBody.decode(SignOffRequest.self, from: request)
        let day = try InputValidation.date(body.day)
        try await services.signOffDay(day.description, by: principal)
        return Response(status: .noContent)
    }

    struct CloseRequest: Decodable { var reason: ClosingReason }

    /// Closes a command the centre refused, for a reason from the list (the supervisor's review).
    private func closeRefused(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(CloseRequest.self, from: request)
        try await services.closeRefused(try context.parameters.require("key"), reason: body.reason, by: principal)
        return Response(status: .noContent)
    }
}
