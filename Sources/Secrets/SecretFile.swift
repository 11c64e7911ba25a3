import Glibc

/// Reads a file that holds a secret (a private key, a bearer token, a key set, a password file)
/// only if it is private to its owner, as ssh does with a private key and libpq with `.pgpass`.
///
/// A key that group or others can read has to be taken as copied already; refusing it at once,
/// with the chmod that fixes it, beats running on with it. The check is made on the file that was
/// opened (`fstat`), so the file cannot be swapped between the check and the read.
public enum SecretFile {
    /// The content of the regular file at `path`, if no permission bit of group or others is set
    /// (mode 0600 or 0400) and the file belongs to the user this program runs as, or to root, or to
    /// `serviceUser`: root checking a service's files (`config check`) judges them as the service will.
    ///
    /// The bytes are the caller's: wipe them (``Swift/Array/wipe()``) once the secret is taken out.
    public static func read(_ path: String, serviceUser: uid_t? = nil) throws(SecretFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
        guard status.st_uid == geteuid() || status.st_uid == 0 || status.st_uid == serviceUser else {
            throw .foreignOwner(path, owner: status.st_uid)
        }
        guard status.st_mode & 0o077 == 0 else { throw .tooOpen(path, mode: status.st_mode) }
        // One buffer of the file's size, so that no smaller copy is left behind by growing it.
        let size = Int(status.st_size)
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got > 0 {
                    count += got
                } else if got == 0 || errno != EINTR {
                    if got < 0 { failure = errno }
                    break
                }
            }
        }
        if let failure {
            bytes.wipe()
            throw .unreadable(path, String(cString: strerror(failure)))
        }
        return bytes
    }

    /// Runs `body` with the content of the secret file at `path` (``read(_:)``'s checks), then
    /// wipes the bytes, also when `body` throws.
    public static func withContents<Result>(
        of path: String, serviceUser: uid_t? = nil, _ body: ([UInt8]) throws -> Result
    ) throws -> Result {
        let bytes = try read(path, serviceUser: serviceUser)
        defer { bytes.wipe() }
        return try body(bytes)
    }

    /// Writes `bytes` to `path` as a secret file: mode 0600 whatever the umask, written under a
    /// temporary name beside it, synced and renamed into place, so that the file is whole or absent
    /// and never readable by others for a moment. A file already at `path` is replaced.
    public static func write(_ bytes: [UInt8], to path: String) throws(SecretFileError) {
        let draft = path + ".new-\(getpid())"
        let descriptor = open(draft, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        let failure = written == bytes.count && fchmod(descriptor, 0o600) == 0 && fsync(descriptor) == 0 ? nil : errno
        close(descriptor)
        guard failure == nil, rename(draft, path) == 0 else {
            let reason = String(cString: strerror(failure ?? errno))
            unlink(draft)
            throw .unwritable(path, reason)
        }
    }
}
