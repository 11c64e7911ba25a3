import KioskCore

/// The documents the terminal prints, and where each goes.
enum PrintRequestKind: String, Codable, CaseIterable, Sendable {
    /// 参保证明: the resident's own, at the kiosk or the desk.
    case proofOfInsurance = "proof-of-insurance"
    /// 缴费明细: the resident's own.
    case contributionStatement = "contribution-statement"
    /// 城乡居民养老保险个人账户对账单: the resident's own.
    case pensionAccountStatement = "pension-account-statement"
    /// 受理回执 of an application.
    case applicationReceipt = "application-receipt"
    /// The printed face of a personalised card, on the card printer.
    case cardFace = "card-face"
    /// 业务台账 of one day at this terminal, for the desk's files.
    case dailyLedger = "daily-ledger"
    /// 就业失业登记证明 of the person of a registration, at the desk.
    case registrationCertificate = "registration-certificate"
    /// 受理通知书 or 不予受理通知书 of a labour dispute or petition, at the desk.
    case disputeNotice = "dispute-notice"
    /// 调解协议书 of a labour dispute settled by agreement, at the desk.
    case mediationAgreement = "mediation-agreement"

    /// Whether a resident may print it at the kiosk (their own records only).
    var selfService: Bool {
        [.proofOfInsurance, .contributionStatement, .pensionAccountStatement, .applicationReceipt].contains(self)
    }

    /// What ``AccessPolicy`` is asked before printing it.
    var action: Action { self == .cardFace ? .printCardFace : .printDocument }

    /// The title in the printer's queue: no personal data, queues are visible to technicians.
    var title: String {
        switch self {
        case .proofOfInsurance: "参保证明"
        case .contributionStatement: "缴费明细"
        case .pensionAccountStatement: "个人账户对账单"
        case .applicationReceipt: "受理回执"
        case .cardFace: "卡面"
        case .dailyLedger: "业务台账"
        case .registrationCertificate: "就业失业登记证明"
        case .disputeNotice: "受理通知书"
        case .mediationAgreement: "调解协议书"
        }
    }
}
