extension WorkingCalendar {
    /// The arrangements this version knows, used until the centre passes on its own.
    public static let published = WorkingCalendar(years: [.year2026])

    /// This calendar with the centre's years in place of its own for the same years: what the
    /// centre published wins, and a year it has not published yet is counted as this version knows it.
    public func replacing(with published: [PublishedYear]) -> WorkingCalendar {
        let replaced = Set(published.map(\.year))
        return WorkingCalendar(
            years: (years.filter { !replaced.contains($0.year) } + published).sorted { $0.year < $1.year })
    }
}

extension WorkingCalendar.PublishedYear {
    /// 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025).
    public static let year2026 = Self(
        year: 2026,
        holidays: [
            // 元旦
            "2026-01-01", "2026-01-02", "2026-01-03",
            // 春节
            "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
            "2026-02-22", "2026-02-23",
            // 清明节
            "2026-04-04", "2026-04-05", "2026-04-06",
            // 劳动节
            "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
            // 端午节
            "2026-06-19", "2026-06-20", "2026-06-21",
            // 中秋节
            "2026-09-25", "2026-09-26", "2026-09-27",
            // 国庆节
            "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
        ],
        workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
        source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）")
}
