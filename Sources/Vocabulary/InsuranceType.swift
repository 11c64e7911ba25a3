/// A social insurance scheme with its national code (险种类型), as the centre's records, the cache,
/// the sync, the API and the printed documents all name it.
///
/// Pension and medical insurance each come as two schemes that must never be confused: an
/// employee's (110, 310) and a resident's (170, 390). A village farmer's proof of insurance that
/// named the employees' scheme would be a certificate stating the wrong thing.
public enum InsuranceType: String, Codable, CaseIterable, Hashable, Sendable {
    /// 企业职工基本养老保险
    case enterprisePension = "110"
    /// 机关事业单位养老保险
    case publicSectorPension = "120"
    /// 城乡居民基本养老保险
    case residentPension = "170"
    /// 失业保险
    case unemployment = "210"
    /// 职工基本医疗保险
    case employeeMedical = "310"
    /// 城乡居民基本医疗保险
    case residentMedical = "390"
    /// 工伤保险
    case workInjury = "410"
    /// 生育保险
    case maternity = "510"

    /// The national code: `110`.
    public var code: String { rawValue }

    /// Which of the five insurances (五险) the scheme belongs to.
    public var branch: InsuranceBranch {
        switch self {
        case .enterprisePension, .publicSectorPension, .residentPension: .pension
        case .unemployment: .unemployment
        case .employeeMedical, .residentMedical: .medical
        case .workInjury: .workInjury
        case .maternity: .maternity
        }
    }

    /// The scheme's full name, as certificates print it.
    public var chineseName: String {
        switch self {
        case .enterprisePension: "企业职工基本养老保险"
        case .publicSectorPension: "机关事业单位养老保险"
        case .residentPension: "城乡居民基本养老保险"
        case .unemployment: "失业保险"
        case .employeeMedical: "职工基本医疗保险"
        case .residentMedical: "城乡居民基本医疗保险"
        case .workInjury: "工伤保险"
        case .maternity: "生育保险"
        }
    }

    /// The scheme's name in English documents and pages.
    public var englishName: String {
        switch self {
        case .enterprisePension: "Basic pension insurance for enterprise employees"
        case .publicSectorPension: "Pension insurance for public institutions"
        case .residentPension: "Basic pension insurance for urban and rural residents"
        case .unemployment: "Unemployment insurance"
        case .employeeMedical: "Basic medical insurance for employees"
        case .residentMedical: "Basic medical insurance for urban and rural residents"
        case .workInjury: "Work-related injury insurance"
        case .maternity: "Maternity insurance"
        }
    }
}
