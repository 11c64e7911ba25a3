import KioskCore

extension ReferenceRemoval.Record {
    /// What the centre's ledger names a removed or moved record by: a person masked, the
    /// enrolment's insurance and first month as its detail.
    public var ledgerSubject: (subject: LedgerSubject, detail: String) {
        switch self {
        case .person(let idNumber): (.person(idNumber: idNumber), "")
        case .enrolment(let idNumber, let insurance, let since):
            (.person(idNumber: idNumber), "enrolment=\(insurance.rawValue) since=\(since)")
        case .card(let cardNumber): (.card(number: cardNumber), "")
        case .jobPosting(let id): (.jobPosting(id: id), "")
        case .staff(let id): (.staff(id: id), "")
        }
    }
}
