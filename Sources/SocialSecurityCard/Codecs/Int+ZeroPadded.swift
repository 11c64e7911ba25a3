extension Int {
    /// The decimal digits, with leading zeros up to `width`: dates and codes of fixed width.
    func zeroPadded(width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
