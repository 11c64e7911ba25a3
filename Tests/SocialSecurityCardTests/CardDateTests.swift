import Foundation
import SocialSecurityCard
import Testing

@Suite struct CardDateTests {
    @Test(arguments: [
        (2000, true), (2004, true), (2024, true), (1900, false), (2100, false), (2023, false), (1600, true),
    ])
    func leapYears(year: Int, leap: Bool) {
        #expect(CardDate.isLeapYear(year) == leap)
        #expect(CardDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
    }

    @Test func acceptsLeapDaysOfLeapYears() throws {
        for year in [1904, 2000, 2024] {
            #expect(try CardDate(year: year, month: 2, day: 29).day == 29)
        }
    }

    @Test(arguments: [
        (1900, 2, 29), (2100, 2, 29), (2023, 2, 29), (2024, 2, 30), (2023, 4, 31), (2023, 13, 1),
        (2023, 0, 1), (2023, 1, 0), (2023, 1, 32), (0, 1, 1), (10000, 1, 1),
    ])
    func refusesDaysTheCalendarLacks(year: Int, month: Int, day: Int) {
        #expect(throws: CardDataError.invalidDate("")) { try CardDate(year: year, month: month, day: day) }
    }

    @Test func explainsWhyADateIsInvalid() throws {
        let error = #expect(throws: CardDataError.self) { try CardDate(year: 2023, month: 2, day: 29) }
        #expect(error?.message == "Not a valid date: month 2 of 2023 has no day 29.")
    }

    @Test func bcdFormIsYYYYMMDD() throws {
        #expect(try CardDate(year: 2020, month: 2, day: 29).bcd == [0x20, 0x20, 0x02, 0x29])
        #expect(try CardDate(year: 1985, month: 7, day: 4).bcd == [0x19, 0x85, 0x07, 0x04])
        #expect(try CardDate(bcd: [0x19, 0x85, 0x07, 0x14]) == CardDate(year: 1985, month: 7, day: 14))
    }

    @Test(arguments: [
        [0x19, 0x85, 0x07] as [UInt8], [0x19, 0x85, 0x07, 0xFF], [0x20, 0x23, 0x02, 0x30],
        [0xFF, 0xFF, 0xFF, 0xFF],
    ])
    func refusesBadCardBytes(bytes: [UInt8]) {
        #expect(throws: CardDataError.invalidDate("")) { try CardDate(bcd: bytes) }
    }

    @Test func bcdWithInvalidNibbleReportsTheNibble() {
        #expect(throws: CardDataError.bcdInvalidNibble(0, position: 0)) { try CardDate(bcd: [0x19, 0x8A, 0x07, 0x14]) }
    }

    @Test func textForms() throws {
        let date = try CardDate(year: 999, month: 1, day: 5)
        #expect(date.description == "0999-01-05")
        #expect(date.yyyymmdd == "09990105")
        #expect(try CardDate(iso: "2024-02-29") == CardDate(year: 2024, month: 2, day: 29))
        #expect(try CardDate(yyyymmdd: "20240229") == CardDate(year: 2024, month: 2, day: 29))
        for bad in ["2024-2-29", "20240229", "2024-02-29T00:00", "2024/02/29", "２０２４-02-29"] {
            #expect(throws: CardDataError.invalidDate("")) { try CardDate(iso: bad) }
        }
        for bad in ["2024022", "2024-229", "2024022９"] {
            #expect(throws: CardDataError.invalidDate("")) { try CardDate(yyyymmdd: bad) }
        }
    }

    @Test func ordersByCalendar() throws {
        let dates = try [
            CardDate(year: 2000, month: 1, day: 1), CardDate(year: 1999, month: 12, day: 31),
            CardDate(year: 2000, month: 2, day: 29), CardDate(year: 2000, month: 2, day: 1),
        ]
        #expect(dates.sorted().map(\.description) == ["1999-12-31", "2000-01-01", "2000-02-01", "2000-02-29"])
        #expect(try CardDate(year: 2000, month: 1, day: 1) <= CardDate(year: 2000, month: 1, day: 1))
    }

    @Test func codableAsISOString() throws {
        struct Holder: Codable, Equatable { var born: CardDate }
        let holder = Holder(born: try CardDate(year: 1985, month: 7, day: 14))
        let json = try JSONEncoder().encode(holder)
        #expect(String(decoding: json, as: UTF8.self) == #"{"born":"1985-07-14"}"#)
        #expect(try JSONDecoder().decode(Holder.self, from: json) == holder)
        for bad in [#"{"born":"1985-02-30"}"#, #"{"born":"19850714"}"#, #"{"born":19850714}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: Data(bad.utf8)) }
        }
    }
}
