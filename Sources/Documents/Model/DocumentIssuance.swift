import Foundation

/// Who issued a document, when, and under which serial number: the facts the centre registers
/// for every certificate so that it can answer a verification request.
public struct DocumentIssuance: Hashable, Sendable {
    /// Unique across all terminals: made on the terminal from its id and a sequence, never an
    /// autoincrement shared between machines.
    public var serialNumber: String
    public var office: Office
    public var issuedAt: Date
    /// The last day the document is valid, for certificates that expire (a proof of insurance
    /// usually serves for a few months).
    public var validUntil: CalendarDate?

    public init(serialNumber: String, office: Office, issuedAt: Date, validUntil: CalendarDate? = nil) {
        self.serialNumber = serialNumber
        self.office = office
        self.issuedAt = issuedAt
        self.validUntil = validUntil
    }
}
