/// The five social insurances (五险).
public enum InsuranceType: String, Codable, CaseIterable, Hashable, Sendable {
    case pension
    case medical
    case unemployment
    case workInjury = "work-injury"
    case maternity

    /// The name residents know it by.
    public var chineseName: String {
        switch self {
        case .pension: "养老保险"
        case .medical: "医疗保险"
        case .unemployment: "失业保险"
        case .workInjury: "工伤保险"
        case .maternity: "生育保险"
        }
    }
}
