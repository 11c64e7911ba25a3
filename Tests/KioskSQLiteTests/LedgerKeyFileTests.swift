import Foundation
import KioskCore
import KioskSQLite
import Testing

@Suite("The ledger key's file: made owner-only on first use, refused when others may read it")
struct LedgerKeyFileTests {
    static func inDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-key-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test("made on first use with mode 0600 in a new directory, and the same key read back after")
    func madeOnFirstUse() throws {
        try Self.inDirectory { directory in
            let path = directory.appendingPathComponent("keys/ledger.key").path
            #expect(throws: LedgerKeyError.missing(path)) { try LedgerKeyFile.read(path) }
            let key = try LedgerKeyFile.readOrCreate(path)
            #expect(try Self.mode(path) == 0o600)
            #expect(try LedgerKeyFile.readOrCreate(path).check == key.check)
            #expect(try LedgerKeyFile.read(path).check == key.check)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.count == 65 && text.hasSuffix("\n"))
            let left = try FileManager.default.contentsOfDirectory(
                atPath: directory.appendingPathComponent("keys").path)
            #expect(left == ["ledger.key"])
        }
    }

    @Test("a key file group or others may read is refused, without its contents in the message")
    func exposed() throws {
        try Self.inDirectory { directory in
            let path = directory.appendingPathComponent("ledger.key").path
            _ = try LedgerKeyFile.readOrCreate(path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for mode in [0o640, 0o604, 0o644] {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
                do {
                    _ = try LedgerKeyFile.readOrCreate(path)
                    Issue.record("mode \(String(mode, radix: 8)) was accepted")
                } catch let error as LedgerKeyError {
                    #expect(error.code == .exposed)
                    #expect(!error.message.contains(text.trimmingCharacters(in: .newlines)))
                }
            }
        }
    }

    @Test("a file that holds no key is refused")
    func malformed() throws {
        try Self.inDirectory { directory in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("ledger.key").path
            for text in ["not a key\n", String(repeating: "ab", count: 31) + "\n"] {
                FileManager.default.createFile(
                    atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
                #expect(throws: LedgerKeyError.malformed(path)) { try LedgerKeyFile.read(path) }
                try FileManager.default.removeItem(atPath: path)
            }
        }
    }
}
