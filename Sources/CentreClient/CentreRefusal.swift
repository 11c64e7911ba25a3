/// The code and words of a centre's error answer (`{"code": …, "message": …}`, docs/SYNC.md), read
/// from a refusal so that the terminal's log and status say why, not only that, it was refused.
struct CentreRefusal: Decodable, Sendable {
    var code: String
    var message: String

    /// The longest error answer read; a longer one is no error answer of this centre's.
    static let maximumBytes = 16 << 10
}
