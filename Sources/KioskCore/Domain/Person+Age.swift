extension Person {
    /// Whether the person is `years` old or more on `day` ("YYYY-MM-DD"): the day of that birthday
    /// compared as written (one born on 29 February turns on 1 March in a common year).
    public func hasReached(_ years: Int, on day: String) -> Bool {
        let birthday = String(
            format: "%04d-%02d-%02d", birthDate.year + years, birthDate.month, birthDate.day)
        return birthday <= day
    }
}
