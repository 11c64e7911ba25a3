/// The two languages of the pages: Chinese first (the residents'), English on request.
public enum PageLanguage: String, CaseIterable, Sendable {
    case chinese = "zh"
    case english = "en"
}
