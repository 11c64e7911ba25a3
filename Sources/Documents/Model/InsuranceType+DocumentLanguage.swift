import Vocabulary

extension InsuranceType {
    /// The scheme's full name in the document's language.
    func name(_ language: DocumentLanguage) -> String {
        switch language {
        case .chinese: chineseName
        case .english: englishName
        }
    }
}
