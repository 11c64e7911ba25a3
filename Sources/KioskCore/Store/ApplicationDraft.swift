/// What an application is made from: the person, the service, the form's validated fields.
public struct ApplicationDraft: Codable, Hashable, Sendable {
    public var kind: ApplicationKind
    public var idNumber: String
    public var details: [String: String]

    public init(kind: ApplicationKind, idNumber: String, details: [String: String] = [:]) {
        self.kind = kind
        self.idNumber = idNumber
        self.details = details
    }
}
