import SocialSecurityCard
import Testing
import Vocabulary

@Suite struct IDNumberTests {
    private let today = try! CardDate(year: 2025, month: 6, day: 15)

    // Synthetic numbers whose check characters were computed outside this code base with
    // python3: "10X98765432"[sum(int(d) * w for d, w in zip(body, W)) % 11].
    @Test(arguments: [
        ("430102198507141238", "430102", "湖南省", "1985-07-14", 123, Sex.male),
        ("11010519491231002X", "110105", "北京市", "1949-12-31", 2, .female),
        ("440306200002290033", "440306", "广东省", "2000-02-29", 3, .male),
        ("420106199206081030", "420106", "湖北省", "1992-06-08", 103, .male),
        ("510107197603152014", "510107", "四川省", "1976-03-15", 201, .male),
        ("810000198507141230", "810000", "香港特别行政区", "1985-07-14", 123, .male),
    ])
    func parsesKnownNumbers(
        number: String, region: String, province: String, birth: String, sequence: Int, sex: Sex
    ) throws {
        let id = try IDNumber(number, today: today)
        #expect(id.unmaskedValue == number)
        #expect(id.regionCode == region)
        #expect(id.provinceCode == String(region.prefix(2)))
        #expect(id.provinceName == province)
        #expect(id.birthDate.description == birth)
        #expect(id.sequence == sequence)
        #expect(id.sex == sex)
    }

    @Test func acceptsLowerCaseXAndStoresItUpperCase() throws {
        let id = try IDNumber("11010519491231002x", today: today)
        #expect(id.unmaskedValue == "11010519491231002X")
        #expect(id == (try IDNumber("11010519491231002X", today: today)))
    }

    @Test func convertsLegacyFifteenDigitNumbersOnRequest() throws {
        let id = try IDNumber("430102850714123", today: today, convertingLegacy: true)
        #expect(id.unmaskedValue == "430102198507141238")
        #expect(id.birthDate == (try CardDate(year: 1985, month: 7, day: 14)))
        let refused = #expect(throws: CardDataError.idNumberLegacy) { try IDNumber("430102850714123", today: today) }
        #expect(refused?.message.contains("18-digit") == true)
        #expect(throws: CardDataError.idNumberBirthDate) {
            try IDNumber("430102850230123", today: today, convertingLegacy: true)
        }
    }

    @Test(arguments: ["43010219850714123", "4301021985071412389", "", "430102850714123X"])
    func refusesWrongLengths(number: String) {
        #expect(throws: CardDataError.idNumberLength(0)) { try IDNumber(number, today: today, convertingLegacy: true) }
    }

    @Test func namesTheLengthEntered() throws {
        let error = #expect(throws: CardDataError.self) { try IDNumber("43010219850714123", today: today) }
        #expect(error?.message.contains("17 were entered") == true)
    }

    @Test(arguments: [
        ("4301O2198507141238", 5), ("X30102198507141238", 1), ("4301021985071412X8", 17), ("43010219850714123Y", 18),
        ("43010219850714123８", 18), ("430102 98507141238", 7), ("43010285071412X", 15),
    ])
    func refusesCharactersOtherThanDigitsAndAFinalX(number: String, position: Int) throws {
        let error = #expect(throws: CardDataError.idNumberCharacter(position: 0)) {
            try IDNumber(number, today: today, convertingLegacy: true)
        }
        #expect(error?.message.contains("character \(position) ") == true)
    }

    @Test func refusesUnknownProvinces() {
        // Check characters correct, so only the province is wrong. 83 is used by residence
        // permits for Taiwan residents but is not a GB/T 2260 province.
        #expect(throws: CardDataError.idNumberProvince) { try IDNumber("990102198507141237", today: today) }
        #expect(throws: CardDataError.idNumberProvince) { try IDNumber("830000198507141234", today: today) }
    }

    @Test func refusesBirthDatesTheCalendarLacks() {
        #expect(throws: CardDataError.idNumberBirthDate) { try IDNumber("430102198502301239", today: today) }
        // 1900 was not a leap year; 2000 was.
        #expect(throws: CardDataError.idNumberBirthDate) { try IDNumber("430102190002291234", today: today) }
        #expect((try? IDNumber("430102200002291249", today: today)) != nil)
    }

    @Test func refusesBirthDatesAfterToday() throws {
        #expect(throws: CardDataError.idNumberBirthDateInFuture) { try IDNumber("43010220990101123X", today: today) }
        let bornToday = "430102202506151230"
        #expect(try IDNumber(bornToday, today: today).birthDate == today)
        let yesterday = try CardDate(year: 2025, month: 6, day: 14)
        #expect(throws: CardDataError.idNumberBirthDateInFuture) { try IDNumber(bornToday, today: yesterday) }
    }

    @Test func refusesAWrongCheckCharacter() throws {
        let error = #expect(throws: CardDataError.idNumberCheckCharacter) {
            try IDNumber("430102198507141239", today: today)
        }
        #expect(
            error?.message == "The last character of the ID number does not match the others; please check the number.")
    }

    @Test func detectsEverySingleDigitSlipInTheSequenceCode() {
        // MOD 11-2 catches every substitution of one digit; the sequence code is free of other rules.
        let valid = Array("430102198507141238")
        for position in 14..<17 {
            for digit in "0123456789" where digit != valid[position] {
                var slipped = valid
                slipped[position] = digit
                #expect(throws: CardDataError.idNumberCheckCharacter) { try IDNumber(String(slipped), today: today) }
            }
        }
    }

    @Test func errorMessagesNeverContainTheNumber() {
        let attempts = [
            "43010219850714123", "4301O2198507141238", "990102198507141237", "430102198502301239",
            "43010220990101123X", "430102198507141239", "430102850714123",
        ]
        for attempt in attempts {
            do {
                _ = try IDNumber(attempt, today: today)
                Issue.record("\(attempt.count) characters were accepted")
            } catch {
                #expect(!error.message.contains(attempt))
                #expect(!error.message.contains(attempt.prefix(8)))
                #expect(!"\(error)".contains(attempt.suffix(8)))
            }
        }
    }

    @Test func printsMaskedEverywhere() throws {
        let id = try IDNumber("430102198507141238", today: today)
        #expect(id.masked == "4301**********1238")
        #expect("\(id)" == "4301**********1238")
        #expect(String(describing: id) == "4301**********1238")
        #expect(String(reflecting: id) == "IDNumber(4301**********1238)")
        #expect("\([id])".contains("4301**********1238"))
        #expect(!"\([id])".contains("430102198507141238"))
        var dumped = ""
        dump(id, to: &dumped)
        #expect(dumped.contains("4301**********1238"))
        #expect(!dumped.contains("198507"))
        #expect(!"\(Optional(id) as Any)".contains("198507"))
    }
}
