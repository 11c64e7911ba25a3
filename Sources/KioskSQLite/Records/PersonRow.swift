import GRDB
import KioskCore
import SocialSecurityCard
import Vocabulary

/// A row of `person`: a resident as the centre sent them.
struct PersonRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "person"

    var idNumber: String
    var name: String
    var sex: Sex
    var birthDate: CardDate
    var regionCode: String
    var phone: String?
    var version: Int

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let regionCode = Column(CodingKeys.regionCode)
    }

    var person: Person {
        Person(
            idNumber: idNumber, name: name, sex: sex, birthDate: birthDate, regionCode: regionCode, phone: phone,
            version: version)
    }

    /// Inserts a person, or updates them when the centre sends the same or a newer version: a page
    /// applied twice changes nothing, and a stale page never undoes a newer one.
    static let upsert = """
        INSERT INTO person (idNumber, name, sex, birthDate, regionCode, phone, version) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (idNumber) DO UPDATE SET name = excluded.name, sex = excluded.sex, birthDate = excluded.birthDate,
            regionCode = excluded.regionCode, phone = excluded.phone, version = excluded.version
        WHERE excluded.version >= person.version
        """

    static func upsertArguments(_ person: Person) -> StatementArguments {
        [
            person.idNumber, person.name, person.sex.rawValue, person.birthDate.description, person.regionCode,
            person.phone, person.version,
        ]
    }
}
