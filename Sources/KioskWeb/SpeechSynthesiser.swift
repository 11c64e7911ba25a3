/// Turns a prompt's words into sound. A protocol at the seam, so page tests run without a
/// synthesiser and the kiosk can swap espeak-ng for a better voice.
public protocol SpeechSynthesiser: Sendable {
    /// The prompt as a WAV file.
    func wav(speaking text: String, language: PageLanguage) async throws -> [UInt8]
}
