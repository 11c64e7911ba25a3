/// What kind of document a verification payload vouches for, in two letters to keep QR codes small.
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    case proofOfInsurance = "PI"
    case contributionStatement = "CS"
    case registrationCertificate = "RC"
    case applicationReceipt = "AR"
    case dailyLedger = "DL"
    case disputeNotice = "DN"
    case mediationAgreement = "MA"
    case pensionAccountStatement = "PA"
}
