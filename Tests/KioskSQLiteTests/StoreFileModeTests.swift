import Foundation
import Testing

@testable import KioskSQLite

/// The store holds a township's residents: its files are the owner's alone whatever the umask
/// (the tests run with the usual 022, under which SQLite would make them 0644).
@Suite("The store's files are private")
struct StoreFileModeTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aNewStoreAndItsLogAreMadeForTheOwnerAlone() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mode-\(UUID()).sqlite").path
        let store = try SQLiteKioskStore(path: path, ledgerKey: nil)
        _ = try await store.terminal()
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(path + "-wal") == 0o600)
        #expect(try Self.mode(path + "-shm") == 0o600)
    }

    @Test func aStoreLeftReadableByOthersIsTightenedWhenOpened() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mode-\(UUID()).sqlite").path
        _ = try SQLiteKioskStore(path: path, ledgerKey: nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        _ = try SQLiteKioskStore(path: path, ledgerKey: nil)
        #expect(try Self.mode(path) == 0o600)
    }
}
