import Vocabulary

extension ContributionRecord {
    /// A made-up contribution history for demos, tests and benchmarks: enterprise pension,
    /// employee medical and unemployment for each of `months` months from `first`, on the base
    /// `base(i)` of month i, at fixed made-up rates. Nobody's real record.
    public static func synthetic(from first: YearMonth, months: Int, base: (Int) -> Money) -> [ContributionRecord] {
        var records: [ContributionRecord] = []
        records.reserveCapacity(months * 3)
        var current = first
        for index in 0..<months {
            let base = base(index)
            for (insurance, employerPercent, personalPermille) in [
                (InsuranceType.enterprisePension, 16, 80), (.employeeMedical, 8, 20), (.unemployment, 7, 3),
            ] {
                records.append(
                    ContributionRecord(
                        month: current, insurance: insurance, base: base,
                        employerPart: Money(fen: base.fen * Int64(employerPercent) / 100),
                        personalPart: Money(fen: base.fen * Int64(personalPermille) / 1_000)))
            }
            current = current.next
        }
        return records
    }
}
