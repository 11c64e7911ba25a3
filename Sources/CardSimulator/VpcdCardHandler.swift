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
    private let faults: FaultPlan
    private var apduCount = 0
    private let logger: Logger

    init(card: Card, faults: FaultPlan, logger: Logger) {
        self.card = card
        self.faults = faults
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
        apduCount += 1
        switch faults.action(forAPDU: apduCount) {
        case .remove:
            logger.info("fault: card pulled before APDU", metadata: ["apdu": "\(apduCount)"])
            context.close(promise: nil)
        case .refuse(let statusWord):
            reply([UInt8(statusWord >> 8), UInt8(statusWord & 0xFF)], context: context)
        case .respond(let removeAfter, let corrupt):
            let response = card.respond(to: frame)
            if removeAfter {
                logger.info("fault: card pulled after APDU", metadata: ["apdu": "\(apduCount)"])
                context.close(promise: nil)
            } else {
                reply(corrupt ? Array(response.prefix(1)) : response, context: context)
            }
        }
    }

    private func reply(_ bytes: [UInt8], context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: bytes.count + 2)
        buffer.writeVpcdFrame(bytes)
        guard faults.delay > .zero else {
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
            return
        }
        let (seconds, attoseconds) = faults.delay.components
        let channel = context.channel
        context.eventLoop.assumeIsolated().scheduleTask(
            in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        ) {
            channel.writeAndFlush(buffer, promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.error("vpcd link failed", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }
}
