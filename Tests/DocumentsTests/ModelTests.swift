import Documents
import Foundation
import Testing
import Vocabulary

@Suite struct ModelTests {
    @Test func moneyFormatsYuanWithSeparatorsAndTwoDecimals() {
        #expect(Money(fen: 0).formatted == "0.00")
        #expect(Money(fen: 5).formatted == "0.05")
        #expect(Money(fen: 123_456).formatted == "1,234.56")
        #expect(Money(fen: 100_000_000).formatted == "1,000,000.00")
        #expect(Money(fen: -98_765).formatted == "-987.65")
        #expect(Money(yuan: 12, fen: 3) == Money(fen: 1_203))
        #expect(Money(fen: .min).formatted == "-92,233,720,368,547,758.08")
    }

    @Test func moneySumsExactlyAndRefusesToOverflow() throws {
        let amounts = Array(repeating: Money(fen: 1), count: 10_000)
        #expect(try Money.sum(amounts) == Money(fen: 10_000))
        #expect(throws: DocumentError.amountOverflow) { try Money.sum([Money(fen: .max), Money(fen: 1)]) }
    }

    @Test func calendarDatesAreRealDays() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2025, month: 3, day: 1)!.formatted(.chinese) == "2025年3月1日")
        #expect(CalendarDate(year: 2025, month: 3, day: 1)!.formatted(.english) == "1 March 2025")
    }

    @Test func monthsStepAcrossYears() {
        #expect(YearMonth(year: 2024, month: 12)!.next == YearMonth(year: 2025, month: 1))
        #expect(YearMonth(year: 2025, month: 3)!.formatted(.chinese) == "2025年03月")
        #expect(YearMonth(year: 2025, month: 3)!.formatted(.english) == "Mar 2025")
        #expect(YearMonth(year: 2025, month: 0) == nil)
    }

    @Test func personNumberIsMaskedToFirstAndLastFour() {
        #expect(Fixtures.person.maskedNumber == "4301**********1236")
        #expect(DocumentHolder(name: "甲", socialSecurityNumber: "1234567").maskedNumber == "*******")
    }
}
