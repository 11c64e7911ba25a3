import Foundation

/// Spoken prompts from espeak-ng (Debian's `espeak-ng`), in its Mandarin voice `cmn` or in
/// English. The WAV goes back to the kiosk's own browser, which plays it on the terminal's
/// speaker: the service needs no sound card of its own.
public struct EspeakSpeech: SpeechSynthesiser {
    private let executable: String
    /// Words per minute: slower than espeak-ng's 175, for people who find the screen hard.
    private let speed: Int

    public init(executable: String = "/usr/bin/espeak-ng", speed: Int = 140) {
        self.executable = executable
        self.speed = speed
    }

    public func wav(speaking text: String, language: PageLanguage) async throws -> [UInt8] {
        let voice = language == .chinese ? "cmn" : "en"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--stdout", "-v", voice, "-s", String(speed), "--", text]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw KioskWebError.speechFailed("\(error)")
        }
        // Read to the end before waiting, or a WAV larger than the pipe's buffer would block both.
        let reading = output.fileHandleForReading
        let data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: reading.readDataToEndOfFile()) }
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else {
            throw KioskWebError.speechFailed("exit status \(process.terminationStatus)")
        }
        return [UInt8](data)
    }
}
