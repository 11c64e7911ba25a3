extension KioskStore {
    /// The person's residents' pension account, from their contributions to it and the county's
    /// grades: what the kiosk shows and the statement prints, worked out in one place.
    public func pensionAccount(of idNumber: String) async throws -> PensionAccount {
        PensionAccount(
            contributions: try await contributions(of: idNumber, insurance: .residentPension, from: nil, to: nil),
            grades: try await pensionGrades())
    }
}
