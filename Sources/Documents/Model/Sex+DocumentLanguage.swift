import Vocabulary

extension Sex {
    func name(_ language: DocumentLanguage) -> String {
        switch language {
        case .chinese: chineseName
        case .english: englishName
        }
    }
}
