/// Stands in for the card and latency checks while a resident is using the card: those checks
/// select the card's application, which would pull the file selection and secure-messaging state
/// from under the resident's session.
struct CardInUseCheck: Check {
    let name = "card"
    let category = CheckCategory.readers
    var reader: String?

    func run() async -> CheckResult {
        .pass(
            "a resident is using the card in \(reader ?? "the card reader"): the card and its latency are not checked now, so that their session is not disturbed",
            details: ["inUse": .bool(true)])
    }
}
