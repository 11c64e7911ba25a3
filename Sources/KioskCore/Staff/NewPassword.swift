/// A password a member of staff chose, checked before it is hashed: long enough that the lockout
/// (five tries) leaves guessing hopeless, and not one that another person could know already.
public struct NewPassword: Sendable {
    public static let minimumLength = 8

    public let text: String

    /// Throws ``KioskError/weakPassword`` unless `text` is at least ``minimumLength`` characters,
    /// not one character repeated, not the staff id, and not `previous` (the one it replaces).
    public init(_ text: String, staffID: String, previous: String? = nil) throws(KioskError) {
        guard text.count >= Self.minimumLength, Set(text).count > 1, text != staffID, text != previous else {
            throw .weakPassword
        }
        self.text = text
    }
}
