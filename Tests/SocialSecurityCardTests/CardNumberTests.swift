import SocialSecurityCard
import Testing

@Suite struct CardNumberTests {
    // Check characters computed outside this code base with python3 (weights 3 7 9 10 5 8 4 2,
    // A-Z as 10-35, check = 11 - sum % 11, 10 as X, 11 as 0).
    @Test(arguments: ["A12345674", "B76543212", "K00000014", "Z99999997", "123456788", "M0000006X", "M00000000"])
    func acceptsKnownNumbers(number: String) throws {
        #expect(try CardNumber(number).value == number)
        #expect(try CardNumber(number).description == number)
    }

    @Test func acceptsLowerCaseAndStoresUpperCase() throws {
        #expect(try CardNumber("a12345674").value == "A12345674")
        #expect(try CardNumber("m0000006x").value == "M0000006X")
    }

    @Test(arguments: ["A12345675", "A12345670", "B12345674", "A21345674", "M00000001", "A1234567X"])
    func refusesAWrongCheckCharacter(number: String) throws {
        let error = #expect(throws: CardDataError.cardNumberCheckCharacter) { try CardNumber(number) }
        #expect(error?.message.contains("please check the number") == true)
    }

    @Test(arguments: ["A1234567", "A123456745", ""])
    func refusesWrongLengths(number: String) {
        #expect(throws: CardDataError.cardNumberLength(0)) { try CardNumber(number) }
    }

    @Test(arguments: [("A12-45674", 4), ("张12345674", 1), ("A1234567*", 9), ("A1234567B", 9), ("A1234567８", 9)])
    func refusesOtherCharacters(number: String, position: Int) throws {
        let error = #expect(throws: CardDataError.cardNumberCharacter(position: 0)) { try CardNumber(number) }
        #expect(error?.message.contains("character \(position) ") == true)
    }

    /// A real card's number that the unverified rule does not accept (it wants 1): read, flagged.
    @Test(arguments: ["AI666666X", "A12345675", "M00000001"])
    func readsANumberOutsideTheUnverifiedRule(number: String) throws {
        let read = try CardNumber(reading: number)
        #expect(read.value == number)
        #expect(!read.followsCheckRule)
        #expect(throws: CardDataError.cardNumberCheckCharacter) { try CardNumber(number) }
    }

    @Test(arguments: ["A12345674", "M0000006X"])
    func aNumberThatFollowsTheRuleReadsWithoutAWarning(number: String) throws {
        #expect(try CardNumber(reading: number).followsCheckRule)
    }

    @Test func readingStillRefusesWhatIsNotACardNumber() {
        #expect(throws: CardDataError.cardNumberLength(0)) { try CardNumber(reading: "A1234567") }
        #expect(throws: CardDataError.cardNumberCharacter(position: 0)) { try CardNumber(reading: "A1234567B") }
        #expect(throws: CardDataError.cardNumberCharacter(position: 0)) { try CardNumber(reading: "张12345674") }
    }
}
