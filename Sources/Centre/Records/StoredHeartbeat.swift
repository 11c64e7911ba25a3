import Foundation
import KioskCore

/// A row of `terminalHeartbeat`: the last heartbeat a terminal sent, as JSON (the centre reads it
/// whole, never by its parts), when it came, and how far the terminal's clock was from the centre's.
public struct StoredHeartbeat: CentreRecord, Hashable {
    static let tableName = "terminalHeartbeat"

    enum Columns: Int, TableColumns {
        case terminalID, receivedAt, clockSkewMilliseconds, heartbeat
    }

    public var terminalID: String
    public var receivedAt: Date
    /// The terminal's clock minus the centre's, when it sent the heartbeat (the link's delay counts
    /// towards it: seconds, not milliseconds, matter here).
    public var clockSkewMilliseconds: Int64
    public var heartbeat: TerminalHeartbeat

    public init(terminalID: String, receivedAt: Date, heartbeat: TerminalHeartbeat) {
        self.terminalID = terminalID
        self.receivedAt = receivedAt.wholeMilliseconds
        self.heartbeat = heartbeat
        clockSkewMilliseconds = heartbeat.sentAt.milliseconds - self.receivedAt.milliseconds
    }

    init(row: TableRow<StoredHeartbeat>) throws {
        guard
            let heartbeat = try? SyncJSON.decoder().decode(
                TerminalHeartbeat.self, from: Data(try row.text(.heartbeat).utf8))
        else { throw CorruptRow(Self.self, .heartbeat) }
        terminalID = try row.text(.terminalID)
        receivedAt = Date(milliseconds: try row.integer(.receivedAt))
        clockSkewMilliseconds = try row.integer(.clockSkewMilliseconds)
        self.heartbeat = heartbeat
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .terminalID: .text(terminalID)
        case .receivedAt: .integer(receivedAt.milliseconds)
        case .clockSkewMilliseconds: .integer(clockSkewMilliseconds)
        case .heartbeat: .text(String(decoding: try SyncJSON.encoder().encode(heartbeat), as: UTF8.self))
        }
    }
}
