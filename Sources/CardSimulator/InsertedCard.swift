import Logging
import NIOCore
import NIOPosix

/// A virtual card in a vpcd reader slot. Inserting connects to the slot's port; ``remove()``
/// closes the connection, which pcscd sees as the card being pulled out of the reader.
public struct InsertedCard: Sendable {
    private let channel: Channel

    /// vpcd's first slot listens on 35963, the next on 35964, and so on.
    public static let firstSlotPort = 35963

    /// Puts `card` into the vpcd slot listening on `port`, showing the faults of `faults`.
    public static func insert(
        _ card: some VirtualCard,
        host: String = "127.0.0.1",
        port: Int = firstSlotPort,
        faults: FaultPlan = .none,
        logger: Logger = Logger(label: "sskiosk.simulator")
    ) async throws -> InsertedCard {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(QuickAckHandler())
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(VpcdFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(
                        VpcdCardHandler(card: card, faults: faults, logger: logger))
                }
            }
            .connect(host: host, port: port)
            .get()
        return InsertedCard(channel: channel)
    }

    /// Pulls the card out of the reader.
    public func remove() async {
        try? await channel.close()
    }

    /// Waits until the card is out: removed here, or the reader side (pcscd) went away.
    public func waitUntilRemoved() async {
        try? await channel.closeFuture.get()
    }
}
