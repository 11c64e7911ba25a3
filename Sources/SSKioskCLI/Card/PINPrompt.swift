import SocialSecurityCard

/// Reads a PIN as a ``HiddenLine``.
enum PINPrompt {
    static func read(_ prompt: String, length: Int) throws -> PIN {
        guard let line = HiddenLine.read(prompt) else { throw SocialSecurityCardError.invalidPIN(length: length) }
        return try PIN(digits: line, length: length)
    }
}
