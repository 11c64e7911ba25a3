import Logging
import NIOCore

/// Plays a ``VirtualCard`` to vpcd: control frames (power off, power on, reset, get ATR) and
/// APDUs in, responses out. Runs on the channel's event loop, which serialises the card.
final class VpcdCardHandler<Card: VirtualCard>: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Control: UInt8 {
        case powerOff = 0
        case powerOn = 1
        case reset = 2
        case getATR = 4
    }

    private var card: Card
    private let logger: Logger

    init(card: Card, logger: Logger) {
        self.card = card
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Array(buffer: unwrapInboundIn(data))
        if frame.count == 1 {
            switch Control(rawValue: frame[0]) {
            case .powerOff, .powerOn, .reset:
                card.reset()
            case .getATR:
                reply(card.atr, context: context)
            case nil:
                logger.warning("unknown vpcd control byte", metadata: ["byte": "\(frame[0])"])
            }
            return
        }
        reply(card.respond(to: frame), context: context)
    }

    private func reply(_ bytes: [UInt8], context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: bytes.count + 2)
        buffer.writeVpcdFrame(bytes)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.error("vpcd link failed", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }
}
