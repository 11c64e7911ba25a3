import Foundation
import HexCoding
import KioskCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ledger key on disk, apart from the database: 64 hex digits in a file only its owner may
/// read (mode 0600), beside the terminal's other keys (`/etc/sskiosk` on an installed terminal).
/// A file that group or others may read or write is refused: the key would no longer be the
/// service's alone.
public enum LedgerKeyFile {
    /// The key in the file at `path`; throws ``LedgerKeyError`` when there is none or it is exposed.
    public static func read(_ path: String) throws -> LedgerKey {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { throw LedgerKeyError.missing(path) }
            throw LedgerKeyError.unreadable(path, String(cString: strerror(errno)))
        }
        let mode = Int(status.st_mode) & 0o777
        guard mode & 0o077 == 0 else { throw LedgerKeyError.exposed(path, mode: mode) }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LedgerKeyError.unreadable(path, "\(error)")
        }
        guard let bytes = [UInt8](hex: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = LedgerKey(bytes: bytes)
        else { throw LedgerKeyError.malformed(path) }
        return key
    }

    /// The key in the file at `path`, made there first (a new random key, mode 0600, in a directory
    /// made if missing) when there is none. The file appears whole or not at all: it is written
    /// under another name and linked into place, so two processes starting together share one key.
    public static func readOrCreate(_ path: String) throws -> LedgerKey {
        if FileManager.default.fileExists(atPath: path) { return try read(path) }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw LedgerKeyError.unreadable(path, "\(error)")
        }
        let draft = path + ".\(UUID().uuidString).new"
        defer { unlink(draft) }
        let descriptor = open(draft, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LedgerKeyError.unreadable(path, String(cString: strerror(errno))) }
        let text = Array((LedgerKey.generate().withUnsafeBytes { Array($0) }.compactHexString + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == text.count, synced == 0 else {
            throw LedgerKeyError.unreadable(path, String(cString: strerror(errno)))
        }
        // link(2) fails if the name is taken: then another process made the key first, and it is read.
        if link(draft, path) != 0, errno != EEXIST {
            throw LedgerKeyError.unreadable(path, String(cString: strerror(errno)))
        }
        return try read(path)
    }
}
