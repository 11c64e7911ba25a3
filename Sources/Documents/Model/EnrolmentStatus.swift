/// Where a person stands in one insurance scheme (参保状态), with the centre's code.
public enum EnrolmentStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case contributing = "1"
    case suspended = "2"
    case terminated = "3"

    public func name(_ language: DocumentLanguage) -> String {
        switch (self, language) {
        case (.contributing, .chinese): "参保缴费"
        case (.suspended, .chinese): "暂停缴费"
        case (.terminated, .chinese): "终止参保"
        case (.contributing, .english): "Contributing"
        case (.suspended, .english): "Suspended"
        case (.terminated, .english): "Terminated"
        }
    }
}
