/// The employer a dispute is brought against, as the worker named it.
public struct DisputeEmployer: Codable, Hashable, Sendable {
    public var name: String
    /// The unified social credit code (统一社会信用代码), when the worker knows it.
    public var creditCode: String?
    public var address: String?
    public var contact: String?

    public init(name: String, creditCode: String?, address: String?, contact: String?) {
        self.name = name
        self.creditCode = creditCode
        self.address = address
        self.contact = contact
    }
}
