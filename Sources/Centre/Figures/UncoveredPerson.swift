import KioskCore
import Vocabulary

/// A resident without some cover, as the township's staff need them to reach out: name, village and
/// phone, and the ID number masked (the name and village tell people apart well enough for a visit).
public struct UncoveredPerson: Codable, Hashable, Sendable {
    public var name: String
    public var idNumber: MaskedIDNumber
    public var regionCode: String
    public var phone: String?

    public init(_ person: Person) {
        name = person.name
        idNumber = MaskedIDNumber(person.idNumber)
        regionCode = person.regionCode
        phone = person.phone
    }
}
