import Foundation

/// The file holding a service's `StartRecord`, beside its database: `terminal.sqlite` keeps
/// `terminal.start.json`. Each write replaces the file whole, so a reader never sees half a record.
public struct StartRecordFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The record file of the database at `database`.
    public init(besideDatabase database: String) {
        let url = URL(fileURLWithPath: database)
        path = url.deletingPathExtension().path + ".start.json"
    }

    /// The record, or nil when no start was recorded (or the file is not a record).
    public func read() -> StartRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(StartRecord.self, from: data)
    }

    /// Records that `version` begins to start, keeping the last version that was ready.
    public func starting(version: String, at time: Date = Date()) throws {
        let previous = read()
        let lastReady = previous?.outcome == .ready ? previous?.version : previous?.lastReadyVersion
        try write(StartRecord(version: version, outcome: .starting, at: time, lastReadyVersion: lastReady))
    }

    /// Records that the start recorded last is listening.
    public func ready(at time: Date = Date()) throws {
        guard var record = read() else { return }
        record.outcome = .ready
        record.failure = nil
        record.at = time
        try write(record)
    }

    /// Records that the start recorded last stopped before it listened, for `reason`. An error once
    /// the service was ready is no failed start and leaves the record alone; returns whether it counted.
    @discardableResult
    public func failed(_ reason: String, at time: Date = Date()) throws -> Bool {
        guard var record = read(), record.outcome == .starting else { return false }
        record.outcome = .failed
        record.failure = reason
        record.at = time
        try write(record)
        return true
    }

    private func write(_ record: StartRecord) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(record).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
