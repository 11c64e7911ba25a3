import KioskWeb
import Synchronization

/// A synthesiser that keeps what it was asked to say and answers a fixed WAV-looking buffer.
final class RecordingSpeech: SpeechSynthesiser {
    private let said = Mutex<[(String, PageLanguage)]>([])

    var requests: [(String, PageLanguage)] { said.withLock { $0 } }

    func wav(speaking text: String, language: PageLanguage) async throws -> [UInt8] {
        said.withLock { $0.append((text, language)) }
        return Array("RIFF".utf8) + [UInt8](repeating: 0, count: 40)
    }
}
