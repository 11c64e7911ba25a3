import Foundation
import KioskCore
import SocialSecurityCard
import Testing
import Vocabulary

@Suite("Synthetic township")
struct SyntheticTownshipTests {
    static let township = SyntheticTownship(
        seed: 31, regionCode: "430102001", people: 400, months: 120, lastMonth: YearMonth(year: 2026, month: 10)!,
        pageSize: 150)
    static let today = try! CardDate(year: 2026, month: 11, day: 23)

    @Test("the same seed gives the same pages; another seed other pages")
    func deterministic() {
        let first = Array(Self.township)
        #expect(first == Array(Self.township))
        var other = Self.township
        other.seed = 32
        #expect(Array(other).first?.people != first.first?.people)
    }

    @Test("townships of one county hand out no ID or card number twice, even from the same seed")
    func townshipsAvoidEachOthersNumbers() {
        var first = Self.township.pages(avoiding: SyntheticTownship.NumbersTaken())
        var people: [Person] = []
        var cards: [String] = []
        while let page = first.next() {
            people += page.people
            cards += page.cardRecords.map(\.cardNumber)
        }
        // The same seed would make the same people again: every one of them must be drawn anew.
        var second = Self.township.pages(avoiding: first.taken)
        while let page = second.next() {
            people += page.people
            cards += page.cardRecords.map(\.cardNumber)
        }
        #expect(people.count == 2 * Self.township.people)
        #expect(Set(people.map(\.idNumber)).count == people.count)
        #expect(Set(cards).count == cards.count)
    }

    @Test("pages of at most pageSize people, with a cursor that counts them and the centre's time")
    func pages() {
        let pages = Array(Self.township)
        #expect(pages.map(\.people.count) == [150, 150, 100])
        #expect(
            pages.map(\.cursor) == ["synthetic:430102001:150", "synthetic:430102001:300", "synthetic:430102001:400"])
        #expect(pages.allSatisfy { $0.asOf == Self.township.asOf })
        #expect(ISO8601DateFormatter().string(from: Self.township.asOf) == "2026-10-31T16:00:00Z")
        // Job postings come once, with the first page.
        #expect(pages[0].jobPostings.count == 1)
        #expect(pages.dropFirst().allSatisfy { $0.jobPostings.isEmpty })
        // Each person's records travel in the person's page.
        for page in pages {
            let ids = Set(page.people.map(\.idNumber))
            #expect(page.contributions.allSatisfy { ids.contains($0.idNumber) })
            #expect(page.enrolments.allSatisfy { ids.contains($0.idNumber) })
            #expect(page.pensionPayments.allSatisfy { ids.contains($0.idNumber) })
            #expect(page.cardRecords.map(\.idNumber) == page.people.map(\.idNumber))
        }
    }

    @Test("people: valid, distinct ID numbers of the township's county, living in its villages")
    func people() throws {
        let people = Array(Self.township).flatMap(\.people)
        #expect(Set(people.map(\.idNumber)).count == 400)
        for person in people {
            let number = try IDNumber(person.idNumber, today: Self.today)
            #expect(number.regionCode == "430102")
            #expect(number.sex == person.sex)
            #expect(number.birthDate == person.birthDate)
            #expect(person.regionCode.count == 12)
            #expect(person.regionCode.hasPrefix("430102001"))
        }
        let cards = Array(Self.township).flatMap(\.cardRecords)
        #expect(Set(cards.map(\.cardNumber)).count == 400)
        #expect(try cards.allSatisfy { try CardNumber($0.cardNumber).value == $0.cardNumber })
    }

    @Test("contributions: one per person, insurance and month, inside the history, shares of the base in fen")
    func contributions() throws {
        let pages = Array(Self.township)
        let contributions = pages.flatMap(\.contributions)
        let first = YearMonth(year: 2016, month: 11)!
        let last = YearMonth(year: 2026, month: 10)!
        #expect(contributions.allSatisfy { $0.month >= first && $0.month <= last })
        let keys = contributions.map { "\($0.idNumber)|\($0.insurance)|\($0.month)" }
        #expect(Set(keys).count == keys.count)

        // Employees: the person pays 8% / 2% / 0.5% of the base, the employer 16% / 8% / 0.5% / 0.4% / 0.8%.
        let employees = contributions.filter { $0.baseFen > 0 && $0.employerFen > 0 }
        #expect(!employees.isEmpty)
        let rates: [InsuranceType: (Int64, Int64)] = [
            .enterprisePension: (80, 160), .employeeMedical: (20, 80), .unemployment: (5, 5), .workInjury: (0, 4),
            .maternity: (0, 8),
        ]
        for row in employees {
            let (personal, employer) = rates[row.insurance]!
            #expect(row.personalFen == (row.baseFen * personal + 500) / 1000)
            #expect(row.employerFen == (row.baseFen * employer + 500) / 1000)
            // Bases start between 3,000 and 12,000 yuan and rise 5% a year at most ten times.
            #expect(row.baseFen >= 300_000 && row.baseFen <= 12_000 * 100 * 163 / 100)
        }
        #expect(
            Set(employees.map(\.insurance)) == [
                .enterprisePension, .employeeMedical, .unemployment, .workInjury, .maternity,
            ])
        // Residents pay a yearly grade with no base, in the residents' schemes only.
        let residents = contributions.filter { $0.baseFen == 0 }
        #expect(Set(residents.map(\.insurance)) == [.residentPension, .residentMedical])

        // About a hundred contribution months a person over ten years (employees pay monthly into five
        // schemes, residents once a year into two): 50,000 people make some 5 million.
        let perPerson = Double(contributions.count) / 400
        #expect(perPerson > 60 && perPerson < 160, "\(perPerson) per person")
    }

    @Test(
        "schemes in a rural township's shares: most people in the residents' pension and medical, a quarter as employees"
    )
    func schemeShares() {
        let enrolments = Array(Self.township).flatMap(\.enrolments)
        func people(in insurance: InsuranceType) -> Int {
            Set(enrolments.filter { $0.insurance == insurance }.map(\.idNumber)).count
        }
        let residents = people(in: .residentPension)
        let employees = people(in: .enterprisePension)
        #expect(residents == people(in: .residentMedical))
        #expect(residents > 400 / 2, "\(residents) of 400 in the residents' pension")
        #expect((400 / 5...400 / 2).contains(employees), "\(employees) of 400 in the employees' pension")
        #expect(people(in: .publicSectorPension) == 0)
        let pensionHolders = Set(enrolments.filter { $0.insurance.branch == .pension }.map(\.idNumber))
        #expect(residents + employees == pensionHolders.count, "nobody is in both pension schemes at once")
    }

    @Test("pension payments go to people of retirement age, monthly, within the history")
    func pensions() {
        let pages = Array(Self.township)
        let people = Dictionary(uniqueKeysWithValues: pages.flatMap(\.people).map { ($0.idNumber, $0) })
        let payments = pages.flatMap(\.pensionPayments)
        #expect(!payments.isEmpty)
        for payment in payments {
            let person = people[payment.idNumber]!
            let age = payment.month.year - person.birthDate.year
            #expect(age >= (person.sex == .male ? 59 : 54), "age \(age)")
            #expect(payment.amountFen > 0)
            #expect(payment.accountMasked.count == 19 && payment.accountMasked.contains("*"))
        }
        let keys = payments.map { "\($0.idNumber)|\($0.month)" }
        #expect(Set(keys).count == keys.count)
    }
}
