/// A social insurance scheme, with the national code (险种类型) the centre's records use.
public enum InsuranceType: String, Hashable, Sendable, Codable, CaseIterable {
    case enterprisePension = "110"
    case publicSectorPension = "120"
    case residentPension = "170"
    case unemployment = "210"
    case employeeMedical = "310"
    case residentMedical = "390"
    case workInjury = "410"
    case maternity = "510"

    /// The scheme's name as certificates print it.
    public func name(_ language: DocumentLanguage) -> String {
        switch language {
        case .chinese:
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
        case .english:
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
}
