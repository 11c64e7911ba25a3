import KioskCore
import Testing

@Suite("The residents' pension's grade table: checked before the centre publishes it")
struct PensionGradeTableTests {
    @Test(
        "the national floor is sound; levels out of order, a cheaper higher grade and a subsidy above the grade are said"
    )
    func problems() {
        #expect(PensionGradeTable.national.problems.isEmpty)
        #expect(PensionGradeTable.national.grade(5)?.subsidyFen == 6_000, "60 yuan from the 500-yuan grade")
        let wrong = PensionGradeTable(
            grades: [
                .init(level: 1, annualFen: 20_000, subsidyFen: 30_000),
                .init(level: 3, annualFen: 10_000, subsidyFen: 0),
            ], source: " ")
        #expect(
            wrong.problems == [
                "the levels must run 1, 2, 3… in order", "grade 3 must cost more than grade 1",
                "grade 1: the contribution must be above 0 and the subsidy between 0 and it", "the source is missing",
            ])
        #expect(PensionGradeTable(grades: [], source: "x").problems == ["the table has no grades"])
    }
}
