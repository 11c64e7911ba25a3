import Vocabulary

/// A word of the shared vocabulary that has a Chinese and an English name: a document prints the
/// one of its language.
protocol BilingualName {
    var chineseName: String { get }
    var englishName: String { get }
}

extension BilingualName {
    func name(_ language: DocumentLanguage) -> String {
        switch language {
        case .chinese: chineseName
        case .english: englishName
        }
    }
}

extension InsuranceType: BilingualName {}

extension Sex: BilingualName {}
