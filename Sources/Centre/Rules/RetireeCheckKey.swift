/// A retiree's check of one year, as a command names it.
struct RetireeCheckKey: Hashable, Sendable {
    let idNumber: String
    let year: Int
}
