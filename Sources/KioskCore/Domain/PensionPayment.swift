import Vocabulary

/// One month's pension paid to a retiree (养老金发放). Money in fen.
public struct PensionPayment: Codable, Hashable, Sendable {
    public var idNumber: String
    public var month: YearMonth
    public var amountFen: Int64
    /// The bank account it went to, masked as the centre sends it.
    public var accountMasked: String

    public init(idNumber: String, month: YearMonth, amountFen: Int64, accountMasked: String) {
        self.idNumber = idNumber
        self.month = month
        self.amountFen = amountFen
        self.accountMasked = accountMasked
    }
}
