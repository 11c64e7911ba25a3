import SocialSecurityCard
import Vocabulary

/// A resident as the centre knows them. The ID number is the key; its description is masked.
public struct Person: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The citizen ID number (GB 11643), full: only screens for the person and authorised staff show it.
    public var idNumber: String
    public var name: String
    public var sex: Sex
    public var birthDate: CardDate
    /// GB/T 2260 code of the region the person belongs to (township or village, 9 or 12 digits
    /// where the centre has them; 6 for a county).
    public var regionCode: String
    public var phone: String?
    /// Version for optimistic checks of updates (sync conflict rules).
    public var version: Int

    public init(
        idNumber: String, name: String, sex: Sex, birthDate: CardDate, regionCode: String, phone: String? = nil,
        version: Int = 1
    ) {
        self.idNumber = idNumber
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.regionCode = regionCode
        self.phone = phone
        self.version = version
    }

    /// The ID number as logs, errors and the ledger show it.
    public var maskedIDNumber: MaskedIDNumber { MaskedIDNumber(idNumber) }

    public var description: String { "Person(\(maskedIDNumber))" }
}
