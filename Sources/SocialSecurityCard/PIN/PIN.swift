#if canImport(Glibc)
    import Glibc
#endif

/// A PIN on its way to the card, and nowhere else.
///
/// It cannot be copied, printed or stored: its BCD bytes live in one buffer that is wiped when
/// the value goes away, which is right after the command that carries it. Construct it from the
/// digits the resident typed at the last moment and pass it by `borrowing`.
public struct PIN: ~Copyable, @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// `digits` must be 2 to 12 decimal digits; `length`, when given, is the card's PIN length.
    public init(digits: some StringProtocol, length: Int? = nil) throws(SocialSecurityCardError) {
        let values = digits.utf8.map { $0 &- UInt8(ascii: "0") }
        guard (2...12).contains(values.count), values.allSatisfy({ $0 <= 9 }),
            length.map({ $0 == values.count }) ?? true
        else {
            throw .invalidPIN(length: length ?? 6)
        }
        storage = .allocate(capacity: (values.count + 1) / 2)
        for index in storage.indices {
            let high = values[2 * index]
            let low = 2 * index + 1 < values.count ? values[2 * index + 1] : 0x0F
            storage[index] = high << 4 | low
        }
    }

    deinit {
        explicit_bzero(storage.baseAddress!, storage.count)
        storage.deallocate()
    }

    /// The PIN as BCD, right-padded with F, for the body of a command.
    func withBCD<R, E: Error>(_ body: ([UInt8]) throws(E) -> R) throws(E) -> R {
        try body(Array(storage))
    }
}
