#if canImport(Glibc)
    import Glibc
#endif

/// A PIN on its way to the card, and nowhere else.
///
/// It cannot be copied, printed or stored: its BCD bytes live in one buffer that is wiped when
/// the value goes away, which is right after the command that carries it. Construct it from the
/// bytes the resident typed, at the last moment, and pass it by `borrowing`; the commands built
/// from it are wiped once sent (``SocialSecurityCardSession/verify(_:)``).
public struct PIN: ~Copyable, @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// `digits` are ASCII digits as typed or as they stand in a request's body: 2 to 12 of them,
    /// and `length` of them when the card's PIN length is given. They go straight into the PIN's
    /// own buffer, with no `String` or array on the way. A refusal says the rule, never the digits.
    public init(asciiDigits digits: some Collection<UInt8>, length: Int? = nil) throws(SocialSecurityCardError) {
        let count = digits.count
        guard (2...12).contains(count), length.map({ $0 == count }) ?? true,
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else {
            throw .invalidPIN(length: length ?? 6)
        }
        storage = .allocate(capacity: (count + 1) / 2)
        storage.initialize(repeating: 0xFF)
        for (index, digit) in digits.enumerated() {
            let value = digit - UInt8(ascii: "0")
            let byte = storage[index / 2]
            storage[index / 2] = index.isMultiple(of: 2) ? value << 4 | byte & 0x0F : byte & 0xF0 | value
        }
    }

    /// A PIN written in the source: tests, and tools that make synthetic cards. A PIN a person types
    /// comes as bytes (``init(asciiDigits:length:)``), never through a `String`.
    public init(digits: some StringProtocol, length: Int? = nil) throws(SocialSecurityCardError) {
        try self.init(asciiDigits: digits.utf8, length: length)
    }

    deinit {
        explicit_bzero(storage.baseAddress!, storage.count)
        storage.deallocate()
    }

    /// The number of BCD bytes: half the digits, rounded up.
    var byteCount: Int { storage.count }

    /// Lends the PIN as BCD, right-padded with F, to a command being built; `body` must copy the
    /// bytes only into a buffer that is wiped after use, and not keep the pointer.
    func withUnsafeBCD<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(storage))
    }
}
