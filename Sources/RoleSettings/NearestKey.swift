/// The known key nearest to a misspelt one, for a "did you mean" (Levenshtein distance, at most a
/// third of the key's length, so that no unrelated key is offered).
enum NearestKey {
    static func to(_ key: String, among keys: [String]) -> String? {
        let lowered = Array(key.lowercased())
        let scored = keys.map { ($0, distance(lowered, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, lowered.count / 3) else { return nil }
        return best.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
