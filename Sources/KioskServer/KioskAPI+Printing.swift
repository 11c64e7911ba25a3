import Documents
import Foundation
import Hummingbird
import KioskCore
import Printing
import SocialSecurityCard
import Vocabulary

/// Print requests: a resident's own documents at the kiosk, the desk's receipts, card faces and
/// ledgers. Each request carries a key the page made; the same key again returns the same job.
extension KioskAPI {
    var printRoutes: [APIRoute<Context>] {
        [
            APIRoute(.post, "/api/me/print", printMine),
            APIRoute(.post, "/api/print", printAtDesk),
            APIRoute(.get, "/api/print/{key}", printStatus),
        ]
    }

    struct PrintRequest: Decodable {
        /// The client's idempotency key (letters, digits, `-`, `_`, `.`; at most 64).
        var key: String
        var document: PrintRequestKind
        /// Whose proof of insurance or statement, at the desk.
        var idNumber: String?
        var applicationId: String?
        /// A registration of the employment register, whose person's certificate is printed.
        var jobSeekerId: String?
        var disputeId: String?
        var cardNumber: String?
        /// The register's day, YYYY-MM-DD (today by default), or its month, YYYY-MM; and its one service.
        var day: String?
        var month: String?
        var service: ApplicationKind?
        /// A statement's months, YYYY-MM.
        var from: String?
        var to: String?
    }

    /// A register's period: the month `YYYY-MM`, or the day `YYYY-MM-DD`, today in China when
    /// neither is named.
    static func registerPeriod(day: String?, month: String?, at now: Date) throws -> BusinessRegister.Period {
        switch (day, month) {
        case (nil, nil): return .day(CalendarDate(now))
        case (let day?, nil):
            let noon = Self.noonInChina(try InputValidation.date(day)) ?? now
            return .day(CalendarDate(noon))
        case (nil, let month?):
            guard let value = YearMonth(month) else {
                throw KioskError.invalid(
                    "month", chinese: "月份应写作“年-月”，如 2026-12。", english: "Write the month as YYYY-MM, e.g. 2026-12.")
            }
            return .month(year: value.year, month: value.month)
        case (.some, .some):
            throw KioskError.invalid(
                "period", chinese: "台账的日期和月份只能选一个。", english: "A register is of a day or of a month, not both.")
        }
    }

    private func printMine(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        let body = try await JSONBody.decode(PrintRequest.self, from: request)
        guard body.document.selfService else { throw KioskError.forbidden(body.document.rawValue) }
        return try await submitPrint(body, subjectID: idNumber, by: .resident(idNumber: idNumber))
    }

    private func printAtDesk(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        // Residents print through /api/me/print, which takes no one else's number.
        guard case .staff = principal else { throw KioskError.forbidden(Action.printDocument.rawValue) }
        let body = try await JSONBody.decode(PrintRequest.self, from: request)
        return try await submitPrint(body, subjectID: body.idNumber, by: principal)
    }

    private func printStatus(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let key = try context.parameters.require("key")
        // Staff who print or look after the printers see every job (none holds personal data);
        // a resident sees their own.
        let anyone: Bool
        switch principal {
        case .resident, .administrator, .centre: anyone = false
        case .staff(let member):
            guard member.role != .auditor else { throw KioskError.forbidden(Action.printDocument.rawValue) }
            anyone = true
        }
        return try JSONBody.response(try await printing.status(of: key, owner: principal.ownerKey, anyone: anyone))
    }

    /// Checks who may print what, then hands the job to the print desk with the rendering to do
    /// if it is new; a new job goes on the ledger.
    private func submitPrint(_ body: PrintRequest, subjectID: String?, by principal: Principal) async throws
        -> Response
    {
        let key = try Self.printKey(body.key)
        // The role first, before any record is looked up: a refusal never tells what the cache holds.
        try AccessPolicy.authorize(principal, body.document == .cardFace ? .printCardFace : .printDocument)
        let time = now()
        guard let terminal = try await services.store.terminal() else { throw KioskError.terminalNotInstalled }
        // The job's name at the printer, and the document's serial number.
        let printerKey = try IdempotencyKey("\(terminal.terminalID)-\(key)")
        let serial = printerKey.rawValue
        let documents = self.documents
        let rollQueue = receiptRoll(for: principal)
        let render: @Sendable () async throws -> PrintableDocument
        let subject: LedgerSubject
        switch body.document {
        case .proofOfInsurance, .contributionStatement, .pensionAccountStatement:
            guard let idNumber = subjectID else { throw Self.missing("id-number", "身份证号码") }
            let person = try await requirePerson(idNumber)
            try AccessPolicy.authorize(principal, .printDocument, regionCode: person.regionCode, idNumber: idNumber)
            subject = .person(idNumber: idNumber)
            if body.document == .proofOfInsurance {
                render = { try await documents.proofOfInsurance(of: idNumber, serial: serial, by: principal, at: time) }
            } else if body.document == .pensionAccountStatement {
                render = {
                    try await documents.pensionAccountStatement(of: idNumber, serial: serial, by: principal, at: time)
                }
            } else {
                let from = try body.from.map { try Self.month($0, "from") }
                let to = try body.to.map { try Self.month($0, "to") }
                render = {
                    try await documents.contributionStatement(
                        of: idNumber, from: from, to: to, serial: serial, by: principal, at: time)
                }
            }
        case .applicationReceipt:
            guard let id = body.applicationId else { throw Self.missing("application-id", "申请编号") }
            guard let application = try await services.store.application(id) else {
                throw KioskError.notFound("application", chinese: "该申请")
            }
            try AccessPolicy.authorize(
                principal, .printDocument, regionCode: application.regionCode, idNumber: application.idNumber)
            subject = .application(id: id)
            let format: ApplicationReceipt.Format = rollQueue != nil ? .roll80mm : .a4
            render = {
                try await documents.applicationReceipt(
                    application, format: format, serial: serial, by: principal, at: time)
            }
        case .cardFace:
            guard let cardNumber = body.cardNumber else { throw Self.missing("card-number", "卡号") }
            guard let card = try await services.store.cardRecord(cardNumber) else {
                throw KioskError.notFound("card", chinese: "该卡")
            }
            let person = try await requirePerson(card.idNumber)
            try AccessPolicy.authorize(
                principal, .printCardFace, regionCode: person.regionCode, idNumber: card.idNumber)
            guard card.status == .readyAtDesk, card.cardIdentifier != nil else { throw APIError.cardNotPersonalised }
            subject = .card(number: cardNumber)
            render = { try await documents.cardFace(card, by: principal, at: time) }
        case .registrationCertificate:
            guard let id = body.jobSeekerId else { throw Self.missing("job-seeker-id", "登记编号") }
            let jobSeeker = try await services.jobSeeker(id, for: principal)
            subject = .person(idNumber: jobSeeker.idNumber)
            render = {
                try await documents.registrationCertificate(
                    of: jobSeeker.idNumber, serial: serial, by: principal, at: time)
            }
        case .disputeNotice, .mediationAgreement:
            guard let id = body.disputeId else { throw Self.missing("dispute-id", "案件编号") }
            let dispute = try await services.dispute(id, for: principal)
            subject = .person(idNumber: dispute.idNumber)
            let document = body.document
            render = {
                document == .disputeNotice
                    ? try await documents.disputeNotice(dispute, serial: serial, by: principal, at: time)
                    : try await documents.mediationAgreement(dispute, serial: serial, by: principal, at: time)
            }
        case .dailyLedger:
            guard case .staff(let member) = principal, AccessPolicy.seesPersonalData(principal),
                member.jurisdiction.contains(terminal.jurisdiction.regionPrefix)
            else { throw KioskError.forbidden(Action.printDocument.rawValue) }
            let period = try Self.registerPeriod(day: body.day, month: body.month, at: time)
            subject = .terminal
            render = {
                try await documents.register(period, service: body.service, serial: serial, by: principal, at: time)
            }
        }
        let queue =
            switch body.document {
            case .cardFace: configuration.cardQueue
            case .applicationReceipt: rollQueue ?? configuration.documentQueue
            default: configuration.documentQueue
            }
        let (status, created) = try await printing.submit(
            key: key, printerKey: printerKey, document: body.document, queue: queue, owner: principal.ownerKey,
            at: time, render: render)
        if created {
            try await services.store.log(
                "document.print", subject: subject, by: principal,
                detail: "document=\(body.document.rawValue) key=\(key)", at: time)
        }
        return try JSONBody.response(status, status: created ? .created : .ok)
    }

    /// The receipt roll's queue when `principal` is a resident at a kiosk that has one; staff at the
    /// desk print receipts on A4 for the file.
    private func receiptRoll(for principal: Principal) -> String? {
        guard case .resident = principal else { return nil }
        return configuration.receiptQueue
    }

    private func requirePerson(_ idNumber: String) async throws -> Person {
        guard let person = try await services.store.person(idNumber) else {
            throw KioskError.notFound("person", chinese: "此人的参保信息")
        }
        return person
    }

    static func printKey(_ key: String) throws(KioskError) -> String {
        let allowed = key.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
            default: false
            }
        }
        guard !key.isEmpty, key.count <= 64, allowed else {
            throw .invalid(
                "print-key", chinese: "打印请求编号有误。",
                english: "The print key must be 1 to 64 letters, digits, '-', '_' or '.'.")
        }
        return key
    }

    private static func month(_ text: String, _ field: String) throws(KioskError) -> YearMonth {
        guard let month = YearMonth(text) else {
            throw .invalid(field, chinese: "月份格式应为“年-月”，例如2024-01。", english: "Give the month as YYYY-MM.")
        }
        return month
    }

    static func missing(_ field: String, _ chinese: String) -> KioskError {
        .invalid(field, chinese: "请填写\(chinese)。", english: "The request needs the \(field).")
    }
}
