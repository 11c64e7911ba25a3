#if canImport(Glibc)
    import Glibc
#endif

extension CardDate {
    /// Today in the terminal's local time zone: a card's dates are calendar dates where it is used.
    public static func today() -> CardDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        // localtime_r gives a real date, which CardDate always accepts.
        return try! CardDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
