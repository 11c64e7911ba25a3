import SmartCard

/// A connection whose APDUs go out on the calling thread, without the hop to NIO's blocking thread
/// pool that ``CardConnection/transmitRaw(_:)`` makes for every APDU: the floor that hop is
/// measured against. Not for service code, where it would block a cooperative thread for the
/// whole exchange.
struct InlineChannel: CardChannel {
    let connection: CardConnection

    func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        try connection.transmitRawBlocking(command)
    }
}
