/// One employment or unemployment registration event (就业登记 / 失业登记 and their ends).
public struct RegistrationRecord: Hashable, Sendable {
    public var kind: Kind
    public var date: CalendarDate
    /// The employer for employment, the reason for unemployment, as recorded.
    public var detail: String
    /// The office that registered it.
    public var office: String

    public init(kind: Kind, date: CalendarDate, detail: String, office: String) {
        self.kind = kind
        self.date = date
        self.detail = detail
        self.office = office
    }

    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case employment
        case employmentEnded
        case unemployment
        case unemploymentEnded

        func name(_ language: DocumentLanguage) -> String {
            switch (self, language) {
            case (.employment, .chinese): "就业登记"
            case (.employmentEnded, .chinese): "就业登记注销"
            case (.unemployment, .chinese): "失业登记"
            case (.unemploymentEnded, .chinese): "失业登记注销"
            case (.employment, .english): "Employment registered"
            case (.employmentEnded, .english): "Employment ended"
            case (.unemployment, .english): "Unemployment registered"
            case (.unemploymentEnded, .english): "Unemployment ended"
            }
        }
    }
}
