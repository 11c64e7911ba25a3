/// Why a member of staff reads a person's full ID number, which every answer of the API otherwise
/// masks: one of a fixed list, named in the ledger entry the read leaves.
public enum IDNumberPurpose: String, Codable, CaseIterable, Hashable, Sendable {
    /// 核对身份证件: comparing it with the ID card the resident hands over.
    case identityCheck = "identity-check"
    /// 填写纸质表格: a paper form of another office that asks for the number.
    case paperForm = "paper-form"
    /// 向中心核查: an enquiry about the person to the centre, which knows them by the number.
    case centreEnquiry = "centre-enquiry"

    /// The purpose named by `text`; a missing or unknown one is refused, saying which there are.
    public init(checking text: String?) throws(KioskError) {
        guard let text, let purpose = Self(rawValue: text) else {
            let names = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid(
                "purpose", chinese: "查看完整证件号码须说明用途（\(names)）。",
                english: "Reading a full ID number needs its purpose: one of \(names).")
        }
        self = purpose
    }
}
