/// How the terminal and the card prove their keys to each other. The cryptogram is always
/// E(E(K, factor), original) (see ``KeyProvider/authenticationData(original:sessionFactor:with:for:)``);
/// regions differ in where the factor and the original come from and in what the card is sent.
public enum AuthenticationScheme: String, Codable, Hashable, Sendable {
    /// One challenge is both the session key's factor and the original; EXTERNAL AUTHENTICATE
    /// carries the cryptogram alone. The project's own cards.
    case challenge
    /// Two challenges from the card, the original first and the factor second; EXTERNAL
    /// AUTHENTICATE carries the cryptogram followed by the original. The key holder releases it
    /// only after the card has passed an INTERNAL AUTHENTICATE with another such pair (factor then
    /// original in its data), as the HSM in Sichuan's public trace does in one call. That internal
    /// authentication uses the card's own challenges, so it opens the file but is no genuineness
    /// check: ``SocialSecurityCardSession/verifyGenuineness(keys:identity:)`` keeps terminal randoms.
    case originalAndFactor = "original-and-factor"
}
