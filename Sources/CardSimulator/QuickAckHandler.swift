import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Acknowledges every segment from vpcd at once.
///
/// vpcd sends a frame's length and its APDU in two writes without `TCP_NODELAY`, so Nagle holds
/// the APDU back until the length is acknowledged; with Linux's delayed ACK that costs about
/// 40 ms per APDU. Linux clears `TCP_QUICKACK` after use, so it is set again on every read,
/// which also sends the pending ACK right away.
final class QuickAckHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private static let quickAck = ChannelOptions.Types.SocketOption(
        level: .init(rawValue: Int32(IPPROTO_TCP)),
        name: .init(rawValue: Int32(TCP_QUICKACK))
    )

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        try? context.channel.syncOptions?.setOption(Self.quickAck, value: 1)
        context.fireChannelRead(data)
    }
}
