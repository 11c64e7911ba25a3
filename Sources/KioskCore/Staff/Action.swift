/// What a principal may ask the terminal to do; ``AccessPolicy`` says who may.
public enum Action: String, Codable, CaseIterable, Hashable, Sendable {
    case readPerson = "read-person"
    case submitApplication = "submit-application"
    case approveApplication = "approve-application"
    /// Case work on an application: take it, ask for papers, complete, withdraw at the resident's request.
    case handleApplication = "handle-application"
    case reviewDay = "review-day"
    case requestCard = "request-card"
    case personaliseCard = "personalise-card"
    case printCardFace = "print-card-face"
    case issueCard = "issue-card"
    case activateCard = "activate-card"
    case reportLoss = "report-loss"
    case liftLoss = "lift-loss"
    case replaceCard = "replace-card"
    /// APPLICATION UNBLOCK of the chip in the desk reader (its application was blocked).
    case unblockCardApplication = "unblock-card-application"
    case cancelCard = "cancel-card"
    /// A person's full ID number, which every answer otherwise masks, read for a stated purpose.
    case readFullIDNumber = "read-full-id-number"
    case printDocument = "print-document"
    case readLedger = "read-ledger"
    case readStatistics = "read-statistics"
    case runDiagnostics = "run-diagnostics"
    /// A retiree's qualification check certified: their own at the kiosk, or by a clerk's home visit.
    case certifyRetiree = "certify-retiree"
    /// A retiree's death or move away reported by the family at the desk.
    case reportRetireeLifeEvent = "report-retiree-life-event"
    /// A pension suspended (暂停发放): a supervisor's decision, at the county alone.
    case suspendPension = "suspend-pension"
    /// A resident's rating of the service they were given: at the kiosk themselves, at the desk on
    /// the screen the clerk turns to them.
    case rateService = "rate-service"
    /// The employment register (就业失业登记): register, follow up, refer to a posting, close.
    case keepEmploymentRegister = "keep-employment-register"
    /// A job posting entered or taken down for the area (岗位发布).
    case publishJobPosting = "publish-job-posting"
    /// Appointments: a resident books and cancels their own at the kiosk; a clerk books on a call,
    /// assigns home visits and records what became of each.
    case keepAppointments = "keep-appointments"
    /// Labour disputes and petitions: intake, decision, mediation, outcome, hand-over.
    case keepDisputes = "keep-disputes"
}
