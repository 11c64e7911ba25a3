import Testing

@testable import SocialSecurityCard

@Suite struct SyntheticIdentityTests {
    private let today = try! CardDate(year: 2008, month: 1, day: 1)

    @Test func splitMix64MatchesTheReferenceImplementation() {
        // First outputs of Vigna's splitmix64.c for the seed 1234567.
        var generator = SplitMix64(seed: 1_234_567)
        let words = (0..<5).map { _ in generator.next() }
        #expect(
            words == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ])
    }

    @Test func sameSeedSamePeople() {
        var first = SyntheticIdentity.Generator(seed: 42)
        var second = SyntheticIdentity.Generator(seed: 42)
        var other = SyntheticIdentity.Generator(seed: 43)
        let people = (0..<50).map { _ in first.next() }
        #expect(people == (0..<50).map { _ in second.next() })
        #expect(people != (0..<50).map { _ in other.next() })
    }

    @Test func everyNumberChecksOut() throws {
        var generator = SyntheticIdentity.Generator(seed: 7)
        let counties = Set(GB2260.sampleCounties.map(\.code))
        for _ in 0..<5000 {
            let person = generator.next()
            let reparsed = try IDNumber(person.idNumber.unmaskedValue, today: today)
            #expect(reparsed == person.idNumber)
            #expect(reparsed.sex == person.sex)
            #expect(reparsed.birthDate == person.birthDate)
            #expect(counties.contains(reparsed.regionCode))
            #expect(try CardNumber(person.cardNumber.value) == person.cardNumber)
            #expect(person.cardNumber.value.first?.isLetter == true)
        }
    }

    @Test func peopleVary() {
        var generator = SyntheticIdentity.Generator(seed: 11)
        let people = (0..<300).map { _ in generator.next() }
        #expect(Set(people.map(\.sex)) == [.male, .female])
        #expect(Set(people.map(\.name)).count > 100)
        #expect(Set(people.map(\.idNumber.provinceCode)).count > 20)
        #expect(Set(people.map(\.birthDate.year)).count > 40)
        #expect(people.contains { $0.cardNumber.value.last == "X" })
    }

    @Test func aHomeRegionKeepsIDNumbersToTheNearestSampleCounties() {
        // 430102 is a sample county; city 4312 has only 431226; province 46 has its own two; 99 has none.
        let expectations = [
            ("430102001", Set(["430102"])), ("431299", ["431226"]),
            ("46", Set(GB2260.sampleCounties.map(\.code).filter { $0.hasPrefix("46") })),
            ("990000", Set(GB2260.sampleCounties.map(\.code))),
        ]
        for (home, counties) in expectations {
            var generator = SyntheticIdentity.Generator(seed: 5, homeRegion: home)
            let seen = Set((0..<2000).map { _ in generator.next().idNumber.regionCode })
            #expect(seen == counties, "home region \(home)")
        }
    }

    @Test func rareNamesIncludeCharactersOutsideGBKAndLongNames() throws {
        var generator = SyntheticIdentity.Generator(seed: 3)
        let names = Set((0..<1000).map { _ in generator.next().name })
        let unencodable = names.filter { (try? GBK.encode($0)) == nil }
        #expect(unencodable.contains("𠮷祥"))
        #expect(unencodable.count == 4)
        let long = try names.subtracting(unencodable).filter { try GBK.encode($0).count > CardNameItems.nameCapacity }
        #expect(long.count == 2)
        #expect(try long.allSatisfy { try CardNameItems(fitting: $0).fullName() == $0 })
    }

    @Test func withoutRareNamesEveryNameFitsTheCard() throws {
        var generator = SyntheticIdentity.Generator(seed: 3, rareNames: false)
        for _ in 0..<500 {
            let name = generator.next().name
            let items = try CardNameItems(fitting: name, hasExtension: false)
            #expect(try items.fullName() == name)
        }
    }
}
