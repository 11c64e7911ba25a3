import Foundation
import KioskWeb
import Testing

@Suite("Spoken prompts through espeak-ng, with no sound card")
struct EspeakSpeechTests {
    /// espeak-ng is installed by hardware/rig/install-deps; without it the test is a failure
    /// under CI=true and a loud skip elsewhere.
    static var espeakInstalled: Bool {
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/espeak-ng") { return true }
        let message = "espeak-ng is not installed: run hardware/rig/install-deps"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: message))
        } else {
            print("\n*** SKIPPED: \(message)\n")
        }
        return false
    }

    /// The RIFF/WAVE header's fields (little-endian) and the length of its data chunk.
    static func wave(_ bytes: [UInt8]) -> (isWave: Bool, channels: Int, sampleRate: Int, dataBytes: Int) {
        func word(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func long(_ at: Int) -> Int { word(at) | word(at + 2) << 16 }
        guard bytes.count >= 44 else { return (false, 0, 0, 0) }
        let isWave = Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[8..<12]) == Array("WAVE".utf8)
        return (isWave, word(22), long(24), bytes.count - 44)
    }

    @Test("the Mandarin voice says a prompt as a WAV with sound in it; longer words take longer")
    func mandarinPrompt() async throws {
        guard Self.espeakInstalled else { return }
        let speech = EspeakSpeech()
        let short = Self.wave(try await speech.wav(speaking: "请插卡", language: .chinese))
        let long = Self.wave(try await speech.wav(speaking: "请插入社会保障卡，芯片朝上，插入屏幕下方的读卡口", language: .chinese))
        #expect(short.isWave && long.isWave)
        #expect(short.channels == 1)
        #expect(short.sampleRate == 22_050)
        // At 22 050 samples of 16 bits a second, "请插卡" lasts well over a quarter of a second.
        #expect(short.dataBytes > 11_025)
        #expect(long.dataBytes > 3 * short.dataBytes)
    }

    @Test("English prompts come from the English voice")
    func englishPrompt() async throws {
        guard Self.espeakInstalled else { return }
        let wave = Self.wave(try await EspeakSpeech().wav(speaking: "Please insert your card", language: .english))
        #expect(wave.isWave && wave.dataBytes > 11_025)
    }

    @Test("a synthesiser that is not there is an error that says to install espeak-ng")
    func missingSynthesiser() async throws {
        await #expect {
            try await EspeakSpeech(executable: "/nonexistent/espeak-ng").wav(speaking: "x", language: .chinese)
        } throws: { error in
            (error as? KioskWebError)?.message.contains("apt-get install espeak-ng") == true
        }
    }
}
