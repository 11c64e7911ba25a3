import KioskCore
import SocialSecurityCard
import Vocabulary

/// A row of `person`.
extension Person: CentreRecord {
    static let tableName = "person"

    enum Columns: Int, TableColumns {
        case idNumber, name, sex, birthDate, regionCode, phone, version
    }

    init(row: TableRow<Person>) throws {
        guard let sex = Sex(rawValue: try row.text(.sex)) else { throw CorruptRow(Self.self, .sex) }
        guard let birthDate = try? CardDate(iso: try row.text(.birthDate)) else {
            throw CorruptRow(Self.self, .birthDate)
        }
        self.init(
            idNumber: try row.text(.idNumber), name: try row.text(.name), sex: sex, birthDate: birthDate,
            regionCode: try row.text(.regionCode), phone: try row.optionalText(.phone),
            version: Int(try row.integer(.version)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .idNumber: .text(idNumber)
        case .name: .text(name)
        case .sex: .text(sex.rawValue)
        case .birthDate: .text(birthDate.description)
        case .regionCode: .text(regionCode)
        case .phone: SQLValue(phone)
        case .version: .integer(Int64(version))
        }
    }
}
