import Foundation
import Glibc
import Secrets
import Testing

@Suite("SecretFile: a secret file is read only when private to its owner")
struct SecretFileTests {
    static let secret = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0IGtleSBieXRlcw==\n-----END PRIVATE KEY-----\n"

    /// A fresh file holding ``secret`` with `mode`, in a folder of its own that is removed after.
    func withFile(mode: mode_t, _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("centre.key").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.secret.utf8)))
        #expect(chmod(path, mode) == 0)
        try body(path)
    }

    @Test(
        "0644 and 0640 are refused with the file, its mode and the chmod; never the content",
        arguments: [0o644, 0o640, 0o604, 0o610])
    func openModesAreRefused(mode: Int) throws {
        try withFile(mode: mode_t(mode)) { path in
            let error = #expect(throws: SecretFileError.self) { try SecretFile.read(path) }
            #expect(error?.code == .tooOpen)
            let message = try #require(error?.message)
            #expect(message.contains(path))
            #expect(message.contains("0" + String(mode, radix: 8)))
            #expect(message.contains("chmod 600 \(path)"))
            #expect(!message.contains("c2VjcmV0"), "the refusal shows the key")
            #expect(!message.contains("PRIVATE KEY"), "the refusal shows the key")
        }
    }

    @Test("0600 and 0400 are read whole", arguments: [0o600, 0o400])
    func privateModesAreRead(mode: Int) throws {
        try withFile(mode: mode_t(mode)) { path in
            let bytes = try SecretFile.read(path)
            #expect(bytes == Array(Self.secret.utf8))
        }
    }

    @Test(
        "a file of another user is refused, even 0600", .enabled(if: geteuid() == 0, "only root can give a file away"))
    func foreignOwnerIsRefused() throws {
        try withFile(mode: 0o600) { path in
            #expect(chown(path, 65534, 65534) == 0)
            let error = #expect(throws: SecretFileError.self) { try SecretFile.read(path) }
            #expect(error?.code == .foreignOwner)
            #expect(error?.message.contains("65534") == true)
        }
    }

    @Test("write makes the file 0600 whatever the umask, replaces an open one, and leaves no draft")
    func writeIsPrivateAndWhole() throws {
        try withFile(mode: 0o644) { path in
            let old = umask(0)
            defer { umask(old) }
            try SecretFile.write(Array("new token\n".utf8), to: path)
            var status = stat()
            #expect(stat(path, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600)
            #expect(try SecretFile.read(path) == Array("new token\n".utf8))
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["centre.key"])
        }
        let error = #expect(throws: SecretFileError.self) {
            try SecretFile.write([1], to: "/nonexistent/folder/token")
        }
        #expect(error?.code == .unwritable)
    }

    @Test("a missing file and a folder say so")
    func missingAndFolder() throws {
        let missing = #expect(throws: SecretFileError.self) { try SecretFile.read("/nonexistent/centre.key") }
        #expect(missing?.code == .unreadable)
        #expect(missing?.message.contains("/nonexistent/centre.key") == true)
        let folder = #expect(throws: SecretFileError.self) { try SecretFile.read(NSTemporaryDirectory()) }
        #expect(folder?.code == .notAFile)
    }

    @Test("wipe zeroes the buffer every copy of the array shares")
    func wipeReachesSharedCopies() {
        var bytes = [UInt8](repeating: 0, count: 6)
        for index in bytes.indices { bytes[index] = UInt8(0x31 + index) }
        let kept = bytes  // a second reference, as a channel that records its commands keeps one
        bytes.wipe()
        #expect(kept == [0, 0, 0, 0, 0, 0])
        #expect(bytes == [0, 0, 0, 0, 0, 0])
    }
}
