/// The centre's register of issued documents, as a desk sees it: a resident brings a printed
/// certificate and the clerk scans its QR code. Kept apart from ``CentreLink`` because checking a
/// document is a question to the centre, not part of the sync.
public protocol DocumentRegister: Sendable {
    /// `POST /sync/v1/verify`. Throws when the centre cannot be reached or refuses the code.
    func verify(qrText: String) async throws -> DocumentCheck
}
