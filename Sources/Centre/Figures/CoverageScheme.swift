import Vocabulary

/// A kind of cover a resident should have, whichever insurance gives it: the seeds' "全民参保"
/// counts people with a pension and people with medical insurance, of any scheme.
public enum CoverageScheme: String, Codable, CaseIterable, Hashable, Sendable {
    case pension
    case medical

    /// The insurances whose active enrolment gives this cover.
    public var insurances: [InsuranceType] {
        switch self {
        case .pension: [.enterprisePension, .publicSectorPension, .residentPension]
        case .medical: [.employeeMedical, .residentMedical]
        }
    }
}
