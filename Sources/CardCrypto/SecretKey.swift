import CCrypto

/// Key bytes that never print, never encode and are wiped when the last reference goes away.
///
/// The bytes live in their own allocation, not in an `Array`, so no copy-on-write copy of them
/// is left behind; `deinit` overwrites them with `OPENSSL_cleanse`, which the compiler may not
/// elide (the same guarantee as `explicit_bzero`). The type is deliberately not `Codable`,
/// `Hashable` or `Equatable`, and its description and mirror show only the length.
public final class SecretKey: @unchecked Sendable {
    // Written once in init, then only read: safe to share between threads.
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// The key's length in bytes.
    public var byteCount: Int { storage.count }

    /// Copies `bytes` into a new key. Prefer ``init(wiping:)`` when the source is an array that
    /// should not outlive the key.
    public init(bytes: some Collection<UInt8>) {
        storage = .allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
    }

    /// Moves the bytes of `bytes` into a new key and overwrites the array's buffer with zeros.
    ///
    /// Wiping reaches only the buffer `bytes` owns: copies of the array made before this call
    /// are the caller's to avoid.
    public convenience init(wiping bytes: inout [UInt8]) {
        self.init(bytes: bytes)
        bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
        bytes.removeAll()
    }

    /// A key of `byteCount` bytes written by `body` straight into the key's own storage.
    init(byteCount: Int, initializingWith body: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        storage = .allocate(capacity: byteCount)
        storage.initialize(repeating: 0)
        body(storage)
    }

    deinit {
        OPENSSL_cleanse(storage.baseAddress, storage.count)
        storage.deallocate()
    }

    /// Lends the key bytes to `body`, for cipher implementations only (OpenSSL, an SSF33 module).
    ///
    /// `body` must not copy the bytes out or keep the pointer.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(storage))
    }

    /// The first `count` bytes as a key of their own (the left half of a double-length key).
    func prefix(_ count: Int) -> SecretKey {
        SecretKey(bytes: UnsafeBufferPointer(rebasing: storage[..<min(count, storage.count)]))
    }
}

extension SecretKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SecretKey(\(byteCount) bytes)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["byteCount": byteCount]) }
}
