import CodedErrors

/// A secret file (a key, a token, a key set, a password file) that was not read: what is wrong
/// with it and how to fix it. Names the file and its mode, never a byte of its content.
public struct SecretFileError: CodedError {
    public enum Code: Hashable, Sendable {
        /// Group or others may access the file.
        case tooOpen
        /// Another user owns the file.
        case foreignOwner
        /// Not a regular file (a directory, a device, a pipe).
        case notAFile
        /// The file cannot be opened or read.
        case unreadable
        /// The file cannot be written.
        case unwritable
    }

    public let code: Code
    public let message: String
    /// The file, as it was named.
    public let path: String

    private init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    static func tooOpen(_ path: String, mode: UInt32) -> Self {
        Self(
            .tooOpen, path: path,
            "The secret file \(path) has mode \(octal(mode)): group or others may read it, so it is not used. "
                + "Make it readable by its owner alone: chmod 600 \(path)")
    }

    static func foreignOwner(_ path: String, owner: UInt32) -> Self {
        Self(
            .foreignOwner, path: path,
            "The secret file \(path) belongs to user id \(owner), not to the user this program runs as nor to root, "
                + "so it is not used. Give it to this user: chown $(id -un) \(path)")
    }

    static func notAFile(_ path: String) -> Self {
        Self(.notAFile, path: path, "\(path) is not a regular file: name the file that holds the secret.")
    }

    static func unreadable(_ path: String, _ reason: String) -> Self {
        Self(.unreadable, path: path, "Cannot read the secret file \(path) (\(reason)): check the path.")
    }

    static func unwritable(_ path: String, _ reason: String) -> Self {
        Self(
            .unwritable, path: path,
            "Cannot write the secret file \(path) (\(reason)): check the directory and its owner.")
    }

    /// Permission bits as `chmod` and `ls` speak them: 0644.
    private static func octal(_ mode: UInt32) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
