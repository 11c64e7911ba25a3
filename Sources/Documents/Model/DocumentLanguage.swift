/// The language a document is printed in: Chinese for every document, English for certificates
/// residents take abroad (visa and employer requests).
public enum DocumentLanguage: String, Hashable, Sendable, Codable, CaseIterable {
    case chinese = "zh"
    case english = "en"

    /// The BCP 47 tag pango uses to pick simplified-Chinese glyph forms and line breaking.
    var pangoTag: String { self == .chinese ? "zh-cn" : "en" }
}
