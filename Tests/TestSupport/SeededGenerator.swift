/// SplitMix64: a small, fast generator with a fixed sequence per seed, so property tests feed the
/// same inputs on every run and a failure reproduces from its seed.
package struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random bytes.
    package mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    /// A random byte, half of the time one of `favourites`: the values a parser decides on.
    package mutating func byte(favouring favourites: [UInt8]) -> UInt8 {
        Bool.random(using: &self) ? favourites.randomElement(using: &self)! : UInt8.random(in: 0...255, using: &self)
    }

    /// A random number in `range`.
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// True once in `n` times.
    package mutating func oneIn(_ n: Int) -> Bool {
        Int.random(in: 0..<n, using: &self) == 0
    }
}
