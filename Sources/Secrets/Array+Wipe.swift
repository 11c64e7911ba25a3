import Glibc

extension Array where Element == UInt8 {
    /// Overwrites the bytes of this array's buffer from `start` on with zeros, where they lie, once
    /// the secret they held (a PIN, a key, a password) is done with.
    ///
    /// Every array that shares the buffer sees the zeros: that is the point, as a copy-on-write
    /// mutation would copy a shared buffer and zero only the copy, leaving the secret in the buffer
    /// that a command, a log of commands or a parser still holds. Call it only on a buffer built at
    /// run time for the secret, never on one that is still to be read.
    public func wipe(from start: Int = 0) {
        withUnsafeBytes { bytes in
            let all = UnsafeMutableRawBufferPointer(mutating: bytes)
            UnsafeMutableRawBufferPointer(rebasing: all[Swift.min(start, all.count)...]).wipe()
        }
    }
}

extension UnsafeMutableRawBufferPointer {
    /// Zeroes these bytes with `explicit_bzero`, which the compiler may not leave out as it may a
    /// store to memory that is about to be freed.
    public func wipe() {
        guard let start = baseAddress, count > 0 else { return }
        explicit_bzero(start, count)
    }
}
