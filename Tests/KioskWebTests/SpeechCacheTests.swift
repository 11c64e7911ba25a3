import Foundation
import Hummingbird
import HummingbirdTesting
import KioskWeb
import Synchronization
import Testing

@Suite("Spoken prompts made once per text and language, kept within a size cap")
struct SpeechCacheTests {
    /// A synthesiser that counts what it is asked and holds every request until opened; a text
    /// "fail" fails once.
    final class GatedSpeech: SpeechSynthesiser {
        struct State {
            var calls: [String] = []
            var open = false
            var waiting: [CheckedContinuation<Void, Never>] = []
            var failed = false
        }
        struct Failure: Error {}

        private let state = Mutex(State())
        var calls: [String] { state.withLock { $0.calls } }

        init(open: Bool = false) { state.withLock { $0.open = open } }

        func open() {
            let waiting = state.withLock { state in
                state.open = true
                defer { state.waiting = [] }
                return state.waiting
            }
            for continuation in waiting { continuation.resume() }
        }

        /// A 44-byte WAV-looking buffer, different for each text.
        func wav(speaking text: String, language: PageLanguage) async throws -> [UInt8] {
            await withCheckedContinuation { continuation in
                let go = state.withLock { state in
                    state.calls.append("\(language.rawValue):\(text)")
                    if !state.open { state.waiting.append(continuation) }
                    return state.open
                }
                if go { continuation.resume() }
            }
            let fails = state.withLock { state in
                defer { if text == "fail" { state.failed = true } }
                return text == "fail" && !state.failed
            }
            if fails { throw Failure() }
            return Array("RIFF".utf8) + [UInt8](repeating: UInt8(text.utf8.count), count: 40)
        }
    }

    @Test("two requests for one prompt at once start one synthesis, and later ones none")
    func singleFlight() async throws {
        let speech = GatedSpeech()
        let cache = SpeechCache(speech)
        let first = Task { try await cache.wav(speaking: "请插卡", language: .chinese) }
        while speech.calls.isEmpty { await Task.yield() }
        let second = Task { try await cache.wav(speaking: "请插卡", language: .chinese) }
        // Time for the second to reach the cache: had it started a synthesis of its own, it would show.
        try await Task.sleep(for: .milliseconds(200))
        #expect(speech.calls.count == 1)
        speech.open()
        let (one, two) = (try await first.value, try await second.value)
        #expect(one == two)
        #expect(try await cache.wav(speaking: "请插卡", language: .chinese) == one)
        #expect(speech.calls == ["zh:请插卡"])
        _ = try await cache.wav(speaking: "请插卡", language: .english)
        #expect(speech.calls == ["zh:请插卡", "en:请插卡"])
    }

    @Test("past the cap the least recently used prompt goes; a failure is not kept")
    func boundedAndFailuresNotKept() async throws {
        let speech = GatedSpeech(open: true)
        let cache = SpeechCache(speech, maximumBytes: 100)
        for text in ["a", "b", "a", "c", "a", "b"] { _ = try await cache.wav(speaking: text, language: .chinese) }
        // Two 44-byte prompts fit: "c" put out "b", the one used least lately; "a" stayed.
        #expect(speech.calls == ["zh:a", "zh:b", "zh:c", "zh:b"])
        await #expect(throws: GatedSpeech.Failure.self) { try await cache.wav(speaking: "fail", language: .chinese) }
        _ = try await cache.wav(speaking: "fail", language: .chinese)
        #expect(speech.calls.filter { $0 == "zh:fail" }.count == 2)
    }

    @Test("through the route, a prompt asked five times, four at once, runs espeak-ng once")
    func oneEspeakRunPerPrompt() async throws {
        guard EspeakSpeechTests.espeakInstalled else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speech-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // espeak-ng itself, behind a script that notes each run.
        let runs = directory.appendingPathComponent("runs")
        let script = directory.appendingPathComponent("espeak-ng")
        try "#!/bin/sh\necho run >> '\(runs.path)'\nexec /usr/bin/espeak-ng \"$@\"\n".write(
            to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let router = Router()
        try KioskPages(speech: EspeakSpeech(executable: script.path)).addRoutes(to: router)
        try await Application(router: router).test(.router) { client in
            let bodies = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await client.execute(uri: "/kiosk/speech/insertCard", method: .get).body }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let again = try await client.execute(uri: "/kiosk/speech/insertCard", method: .get)
            #expect(Set(bodies + [again.body]).count == 1)
            #expect(EspeakSpeechTests.wave(Array(buffer: again.body)).isWave)
        }
        let lines = try String(contentsOf: runs, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
    }
}
