import Foundation
import KioskCore
import SocialSecurityCard
import Testing
import Vocabulary

@Suite("Input validation and staff credentials")
struct ValidationTests {
    let today = try! CardDate(year: 2026, month: 11, day: 23)

    @Test("ID numbers: good ones pass, bad ones say what to check and never echo the number")
    func idNumbers() throws {
        #expect(
            try InputValidation.idNumber(" 430102198507141238 ", today: today).unmaskedValue == "430102198507141238")
        for bad in ["430102198507141239", "43010219850714123", "990102198507141238", "430102208507141238"] {
            do {
                _ = try InputValidation.idNumber(bad, today: today)
                Issue.record("accepted \(bad)")
            } catch {
                #expect(error.code == "invalid-id-number")
                #expect(!error.message.contains(bad) && !error.messageChinese.contains(bad))
            }
        }
    }

    @Test("names must fit the card in GBK")
    func names() throws {
        #expect(try InputValidation.name("　王小明 ") == "王小明")
        #expect(throws: KioskError.invalid("name", chinese: "", english: "")) { try InputValidation.name("王𠮷") }
        #expect(throws: KioskError.invalid("name", chinese: "", english: "")) { try InputValidation.name("") }
    }

    @Test(
        "phones, region codes and dates",
        arguments: [
            ("13812345678", true), ("138 1234 5678", true), ("0731-84123456", true), ("12812345678", false),
            ("1381234567", false), ("abc", false),
        ])
    func phones(text: String, valid: Bool) {
        #expect(((try? InputValidation.phone(text)) != nil) == valid)
    }

    @Test("region codes and dates")
    func regionsAndDates() throws {
        #expect(try InputValidation.regionCode("430102001") == "430102001")
        #expect(throws: KioskError.self) { try InputValidation.regionCode("990102") }
        #expect(throws: KioskError.self) { try InputValidation.regionCode("4301") }
        #expect(try InputValidation.date("2024-02-29") == (try CardDate(year: 2024, month: 2, day: 29)))
        #expect(throws: KioskError.self) { try InputValidation.date("2023-02-29") }
    }

    @Test("passwords: salted scrypt, wrong ones fail, the hash never shows the password")
    func passwords() throws {
        let first = try PasswordHash(hashing: "correct horse", cost: 10)
        let second = try PasswordHash(hashing: "correct horse", cost: 10)
        #expect(first.verify("correct horse"))
        #expect(!first.verify("correct horsE"))
        #expect(first.encoded != second.encoded, "salted")
        #expect(!first.encoded.contains("correct"))
        #expect(!PasswordHash(encoded: "scrypt$garbage").verify("x"))
    }

    @Test("five wrong passwords lock an account for fifteen minutes")
    func lockout() throws {
        var throttle = LoginThrottle()
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        for _ in 0..<4 { throttle.failed("clerk-1", at: now) }
        try throttle.check("clerk-1", at: now)
        throttle.failed("clerk-1", at: now)
        #expect(throws: KioskError.accountLocked) { try throttle.check("clerk-1", at: now.addingTimeInterval(60)) }
        try throttle.check("clerk-2", at: now)
        try throttle.check("clerk-1", at: now.addingTimeInterval(15 * 60 + 1))
    }

    @Test("months")
    func months() {
        let month = YearMonth("2024-12")!
        #expect(month.adding(months: 1).description == "2025-01")
        #expect(YearMonth("2024-13") == nil)
        #expect(YearMonth(index: month.index) == month)
    }
}
