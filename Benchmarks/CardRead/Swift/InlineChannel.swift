import SmartCard

/// A connection whose APDUs go out on the calling thread, a cooperative one, without ever switching
/// to the connection's own thread: what the thread costs is measured against it. Not for service
/// code, where it would block a cooperative thread for the whole exchange.
struct InlineChannel: CardChannel {
    let connection: CardConnection

    func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        try connection.transmitRawBlocking(command)
    }
}
