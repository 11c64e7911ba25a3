/// Spoken prompts made once per text and language, then kept: the kiosk says the same few prompts
/// all day, and espeak-ng costs a process and a few hundred milliseconds each time. Requests for a
/// prompt being made wait for that one synthesis rather than starting another; a failure is not
/// kept, so the next request tries again. The least recently used prompts go first once the kept
/// WAVs pass ``maximumBytes``.
public actor SpeechCache: SpeechSynthesiser {
    /// Room for every prompt of both languages' tables at espeak-ng's 22 kHz, several times over.
    public static let defaultMaximumBytes = 32 << 20

    private struct Prompt: Hashable {
        var text: String
        var language: PageLanguage
    }

    private let synthesiser: any SpeechSynthesiser
    public let maximumBytes: Int
    private var kept: [Prompt: [UInt8]] = [:]
    /// Kept prompts, least recently used first.
    private var recency: [Prompt] = []
    private var keptBytes = 0
    private var making: [Prompt: Task<[UInt8], any Error>] = [:]

    public init(_ synthesiser: any SpeechSynthesiser, maximumBytes: Int = defaultMaximumBytes) {
        self.synthesiser = synthesiser
        self.maximumBytes = maximumBytes
    }

    public func wav(speaking text: String, language: PageLanguage) async throws -> [UInt8] {
        let prompt = Prompt(text: text, language: language)
        if let wav = kept[prompt] {
            recency.removeAll { $0 == prompt }
            recency.append(prompt)
            return wav
        }
        if let task = making[prompt] { return try await task.value }
        let synthesiser = synthesiser
        // Not a child of this request: a caller that goes away leaves it to those still waiting.
        let task = Task { try await synthesiser.wav(speaking: text, language: language) }
        making[prompt] = task
        defer { making[prompt] = nil }
        let wav = try await task.value
        keep(wav, for: prompt)
        return wav
    }

    private func keep(_ wav: [UInt8], for prompt: Prompt) {
        guard wav.count <= maximumBytes else { return }
        while keptBytes + wav.count > maximumBytes, !recency.isEmpty {
            let oldest = recency.removeFirst()
            keptBytes -= kept.removeValue(forKey: oldest)?.count ?? 0
        }
        kept[prompt] = wav
        recency.append(prompt)
        keptBytes += wav.count
    }
}
