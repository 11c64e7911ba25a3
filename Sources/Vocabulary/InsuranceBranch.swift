/// The five social insurances (五险) that residents know by name, each covering one or more schemes.
public enum InsuranceBranch: String, Codable, CaseIterable, Hashable, Sendable {
    case pension
    case medical
    case unemployment
    case workInjury = "work-injury"
    case maternity

    /// The name residents know it by: 养老保险.
    public var chineseName: String {
        switch self {
        case .pension: "养老保险"
        case .medical: "医疗保险"
        case .unemployment: "失业保险"
        case .workInjury: "工伤保险"
        case .maternity: "生育保险"
        }
    }

    /// The schemes of this insurance.
    public var schemes: [InsuranceType] { InsuranceType.allCases.filter { $0.branch == self } }
}
