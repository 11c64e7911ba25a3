import Documents
import Foundation
import KioskCore
import Printing
import SocialSecurityCard
import Vocabulary

/// The terminal's records as documents to print: the domain mapped into the `Documents` types,
/// rendered and signed, sized for the queue they go to.
struct TerminalDocuments: Sendable {
    let store: any KioskStore
    let renderer: DocumentRenderer

    func proofOfInsurance(of idNumber: String, serial: String, by principal: Principal, at now: Date) async throws
        -> PrintableDocument
    {
        let person = try await requirePerson(idNumber)
        let contributions = try await store.contributions(of: idNumber, insurance: nil, from: nil, to: nil)
        let enrolments = try await store.enrolments(of: idNumber).map { enrolment in
            let paid = contributions.filter { $0.insurance == enrolment.insurance && $0.paid }
            return EnrolmentLine(
                insurance: enrolment.insurance, status: Self.status(enrolment.status),
                since: enrolment.since, paidUntil: paid.map(\.month).max(),
                monthsPaid: Set(paid.map(\.month)).count, employer: enrolment.unit == "个人" ? nil : enrolment.unit)
        }
        let issuance = try await issuance(serial, at: now, validForDays: 90)
        return try await printable(
            ProofOfInsurance(person: Self.person(person), enrolments: enrolments, issuance: issuance),
            kind: .proofOfInsurance, by: principal)
    }

    func contributionStatement(
        of idNumber: String, from: YearMonth?, to: YearMonth?, serial: String,
        by principal: Principal, at now: Date
    )
        async throws -> PrintableDocument
    {
        let person = try await requirePerson(idNumber)
        let contributions = try await store.contributions(of: idNumber, insurance: nil, from: from, to: to)
        let months = contributions.map(\.month)
        guard let first = from ?? months.min(), let last = to ?? months.max() else {
            throw KioskError.notFound("contribution in that period", chinese: "该期间的缴费记录")
        }
        let records = contributions.map { contribution in
            ContributionRecord(
                month: contribution.month, insurance: contribution.insurance,
                base: Money(fen: contribution.baseFen), employerPart: Money(fen: contribution.employerFen),
                personalPart: Money(fen: contribution.personalFen), status: contribution.paid ? .paid : .owed)
        }
        return try await printable(
            ContributionStatement(
                person: Self.person(person), period: first...last, records: records,
                issuance: try await issuance(serial, at: now)),
            kind: .contributionStatement, by: principal)
    }

    /// The receipt on A4 at the desk, or on the kiosk's 80 mm roll (`format`).
    func applicationReceipt(
        _ application: Application, format: ApplicationReceipt.Format, serial: String, by principal: Principal,
        at now: Date
    ) async throws -> PrintableDocument {
        let person = try await requirePerson(application.idNumber)
        let receivedBy = application.submittedBy == Application.resident ? "自助终端" : application.submittedBy
        return try await printable(
            ApplicationReceipt(
                applicationNumber: application.id, service: application.kind.chineseName,
                applicant: Self.person(person), receivedAt: application.submittedAt, materials: [],
                promisedBy: application.kind.timeLimitDays > 0 ? CalendarDate(application.deadline) : nil,
                collection: nil, receivedBy: receivedBy, contactPhone: application.details["phone"],
                issuance: try await issuance(serial, at: now), format: format),
            kind: .applicationReceipt, by: principal)
    }

    func cardFace(_ card: CardRecord, by principal: Principal, at now: Date) async throws -> PrintableDocument {
        let person = try await requirePerson(card.idNumber)
        let terminal = try await requireTerminal()
        return try await printable(
            CardFace(
                name: person.name, socialSecurityNumber: person.idNumber, cardNumber: card.cardNumber,
                issueDate: CalendarDate(now), region: terminal.name,
                photo: try await store.photo(ofCard: card.cardNumber)),
            kind: .cardFace, by: principal)
    }

    /// The person's employment and unemployment registration certificate: each registration
    /// and its end from the register, and where they stand today. Registered unemployed while a
    /// registration as such is open; employed when their last registration closed with a job.
    func registrationCertificate(of idNumber: String, serial: String, by principal: Principal, at now: Date)
        async throws -> PrintableDocument
    {
        let person = try await requirePerson(idNumber)
        let terminal = try await requireTerminal()
        let registrations = try await store.jobSeekers(of: idNumber)
        guard let latest = registrations.last else { throw KioskError.notAJobSeeker }
        var records: [RegistrationRecord] = []
        for jobSeeker in registrations {
            let registration = jobSeeker.registration
            let wish = registration.wantsJob ? "，有就业意愿" : ""
            records.append(
                RegistrationRecord(
                    kind: .unemployment, date: CalendarDate(registration.at),
                    detail: "\(registration.category.chineseName)：\(registration.reason.chineseName)\(wish)",
                    office: terminal.name))
            if let closing = jobSeeker.closing {
                records.append(
                    RegistrationRecord(
                        kind: .unemploymentEnded, date: CalendarDate(closing.at),
                        detail: closing.reason.chineseName, office: terminal.name))
                if let employer = closing.employer {
                    records.append(
                        RegistrationRecord(
                            kind: .employment, date: CalendarDate(closing.at), detail: employer, office: terminal.name))
                }
            }
        }
        let status: RegistrationCertificate.Status =
            switch (latest.isOpen, latest.closing?.reason) {
            case (true, _): latest.registration.category == .registeredUnemployed ? .unemployed : .notRegistered
            case (false, .employed): .employed
            default: .notRegistered
            }
        return try await printable(
            RegistrationCertificate(
                person: Self.person(person), registrationNumber: latest.id, residence: terminal.name, status: status,
                records: records, issuance: try await issuance(serial, at: now, validForDays: 90)),
            kind: .registrationCertificate, by: principal)
    }

    /// The person's personal account in the residents' pension, year by year, on the county's grades.
    func pensionAccountStatement(of idNumber: String, serial: String, by principal: Principal, at now: Date)
        async throws -> PrintableDocument
    {
        let person = try await requirePerson(idNumber)
        let account = try await store.pensionAccount(of: idNumber)
        return try await printable(
            PensionAccountStatement(
                person: Self.person(person),
                years: account.years.map {
                    PensionAccountStatement.Year(
                        year: $0.year, monthsPaid: $0.monthsPaid, personal: Money(fen: $0.personalFen),
                        subsidy: Money(fen: $0.subsidyFen), balance: Money(fen: $0.balanceFen))
                },
                monthsPaid: account.monthsPaid, balance: Money(fen: account.balanceFen),
                issuance: try await issuance(serial, at: now)),
            kind: .pensionAccountStatement, by: principal)
    }

    /// The notice of whether a case was accepted, once it was decided.
    func disputeNotice(_ dispute: LabourDispute, serial: String, by principal: Principal, at now: Date) async throws
        -> PrintableDocument
    {
        guard let decision = dispute.decision else { throw KioskError.disputeUndecided }
        let outcome: DisputeNotice.Decision =
            if decision.accepted, let settleBy = dispute.settleBy {
                .accepted(settleBy: CalendarDate(settleBy))
            } else {
                .declined(reason: decision.reason ?? "")
            }
        return try await printable(
            DisputeNotice(
                dispute: Self.disputeCase(dispute), decision: outcome, issuance: try await issuance(serial, at: now)),
            kind: .disputeNotice, by: principal)
    }

    /// The agreement of a case settled by mediation, for the parties to sign.
    func mediationAgreement(_ dispute: LabourDispute, serial: String, by principal: Principal, at now: Date)
        async throws -> PrintableDocument
    {
        guard let outcome = dispute.outcome, outcome.result == .agreement else { throw KioskError.noAgreement }
        return try await printable(
            MediationAgreement(
                dispute: Self.disputeCase(dispute), terms: outcome.terms,
                amount: outcome.agreedYuan.map { Money(yuan: Int64($0)) },
                performBy: outcome.performBy.flatMap(WorkingCalendar.date).map(CalendarDate.init),
                mediator: outcome.by, issuance: try await issuance(serial, at: now)),
            kind: .mediationAgreement, by: principal)
    }

    /// The register of the applications this terminal's region took in `period` (China's calendar
    /// day or month), of every service or of `service` alone: who took each, who answers for it,
    /// when it was done and whether in time, as the cases stand at `now`.
    func register(
        _ period: BusinessRegister.Period, service: ApplicationKind?, serial: String, by principal: Principal,
        at now: Date
    ) async throws -> PrintableDocument {
        let terminal = try await requireTerminal()
        let (start, end) = Self.bounds(of: period)
        let applications = try await store.applications(
            ApplicationFilter(
                kinds: service.map { [$0] }, regionPrefix: terminal.jurisdiction.regionPrefix, submittedFrom: start,
                submittedBefore: end, limit: 100_000))
        var entries: [LedgerLine] = []
        for application in applications {
            let person = try await requirePerson(application.idNumber)
            entries.append(
                LedgerLine(
                    time: application.submittedAt, serialNumber: application.id, service: application.kind.chineseName,
                    applicant: Self.person(person), outcome: Self.outcome(of: application, at: now),
                    clerk: application.submittedBy, owner: application.owner ?? "",
                    completedAt: application.completedAt))
        }
        return try await printable(
            BusinessRegister(
                desk: terminal.name, period: period, service: service?.chineseName, entries: entries,
                issuance: try await issuance(serial, at: now)),
            kind: .dailyLedger, by: principal)
    }

    /// Where an application stands in a register at `now`.
    static func outcome(of application: Application, at now: Date) -> LedgerLine.Outcome {
        switch application.status {
        case .completed:
            (application.completedAt ?? now) <= application.deadline ? .completed : .completedLate
        case .rejected: .refused
        case .withdrawn: .withdrawn
        case .awaitingMaterials: .returned
        case .submitted, .needsReview, .approved: application.isOverdue(at: now) ? .late : .accepted
        }
    }

    /// The first instant of a period in China and the first after it.
    static func bounds(of period: BusinessRegister.Period) -> (Date, Date) {
        let calendar = WorkingCalendar.china
        let components: DateComponents
        let length: DateComponents
        switch period {
        case .day(let date):
            components = DateComponents(year: date.year, month: date.month, day: date.day)
            length = DateComponents(day: 1)
        case .month(let year, let month):
            components = DateComponents(year: year, month: month, day: 1)
            length = DateComponents(month: 1)
        }
        let start = calendar.date(from: components)!
        return (start, calendar.date(byAdding: length, to: start)!)
    }

    // MARK: Mapping

    /// Renders `source`; a document with a QR code goes into the centre's register (through the
    /// outbox) before it can reach paper, so that every printed code can be checked there.
    private func printable(_ source: some DocumentSource, kind: PrintRequestKind, by principal: Principal)
        async throws -> PrintableDocument
    {
        let rendered = try renderer.render(source)
        if let sealed = rendered.verification {
            let payload = try sealed.payload()
            try await store.register(
                SignedCertificate(
                    serial: payload.serialNumber, kind: payload.kind.rawValue, payloadHash: sealed.messageDigest,
                    keyID: payload.keyID, regionCode: payload.office, signedAt: payload.issuedAt),
                by: principal)
        }
        let page = source.template.page
        let options =
            if page.height == nil {
                PrintableDocument.roll(rendered, width: page.width)
            } else {
                kind == .cardFace ? PrintableDocument.card : PrintableDocument.a4
            }
        return PrintableDocument(document: try PrintDocument(pdf: rendered.pdf, title: kind.title), options: options)
    }

    private func issuance(_ serial: String, at now: Date, validForDays days: Int? = nil) async throws
        -> DocumentIssuance
    {
        let terminal = try await requireTerminal()
        return DocumentIssuance(
            serialNumber: serial,
            office: Office(code: terminal.jurisdiction.regionPrefix, name: terminal.name),
            issuedAt: now,
            validUntil: days.map { CalendarDate(now.addingTimeInterval(Double($0) * 86_400)) })
    }

    private func requirePerson(_ idNumber: String) async throws -> KioskCore.Person {
        guard let person = try await store.person(idNumber) else {
            throw KioskError.notFound("person", chinese: "此人的参保信息")
        }
        return person
    }

    private func requireTerminal() async throws -> TerminalIdentity {
        guard let terminal = try await store.terminal() else { throw KioskError.terminalNotInstalled }
        return terminal
    }

    static func disputeCase(_ dispute: LabourDispute) -> DisputeCase {
        let employer = dispute.employer
        return DisputeCase(
            number: dispute.id, applicant: DocumentHolder(name: dispute.name, socialSecurityNumber: dispute.idNumber),
            employer: employer.name,
            employerDetails: [employer.creditCode, employer.address, employer.contact].compactMap { $0 }.joined(
                separator: "；"),
            matter: dispute.category.chineseName, facts: dispute.facts, receivedOn: CalendarDate(dispute.receivedAt))
    }

    static func person(_ person: KioskCore.Person) -> DocumentHolder {
        DocumentHolder(name: person.name, socialSecurityNumber: person.idNumber, sex: person.sex)
    }

    static func status(_ status: KioskCore.Enrolment.Status) -> EnrolmentStatus {
        switch status {
        case .active: .contributing
        case .suspended: .suspended
        case .terminated: .terminated
        }
    }
}
