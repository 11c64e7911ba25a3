import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import Synchronization

/// One connection to the centre: TCP, then for https a TLS handshake, either verified against
/// the given roots or not verified at all (to read a certificate that fails verification).
///
/// Runs on NIO's event loops, not the cooperative pool; nothing here blocks.
struct TLSProbe: Sendable {
    var address: ServerAddress
    /// A PEM file of the CA the centre's chain must end in; `nil`: the system's roots.
    var caFile: String?
    /// Whether to verify the centre's chain and name; without, the handshake takes any certificate.
    var verify: Bool
    var connectTimeout: TimeAmount = .seconds(2)

    struct Outcome: Sendable {
        /// The TCP connection was made.
        var connected: Bool
        /// The centre's own certificate, when the handshake completed.
        var leaf: NIOSSLCertificate?
        /// Why the connection or the handshake failed, or nil when it all succeeded.
        var failure: (any Error)?
        var milliseconds: Double
    }

    func run() async -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let context: NIOSSLContext?
        do {
            context = address.isTLS ? try NIOSSLContext(configuration: tlsConfiguration()) : nil
        } catch {
            return Outcome(connected: false, failure: error, milliseconds: 0)
        }
        let connected = ConnectedFlag()
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let handshake = loop.makePromise(of: Void.self)
        let host = address.host
        // SNI and the name check are for names; an address literal goes without.
        let serverName = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." } ? nil : host
        let bootstrap = ClientBootstrap(group: loop).connectTimeout(connectTimeout).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                if let context {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: context, serverHostname: serverName))
                }
                try channel.pipeline.syncOperations.addHandler(
                    HandshakeWaiter(promise: handshake, needsTLS: context != nil) { connected.set() })
            }
        }
        var outcome = Outcome(connected: false, milliseconds: 0)
        do {
            let channel = try await bootstrap.connect(host: address.host, port: address.port).get()
            do {
                try await handshake.futureResult.get()
                if context != nil { outcome.leaf = try await channel.nioSSL_peerCertificate().get() }
            } catch {
                outcome.failure = error
            }
            try? await channel.close()
        } catch {
            handshake.fail(error)
            outcome.failure = error
        }
        outcome.connected = connected.value
        outcome.milliseconds = (clock.now - start).milliseconds
        return outcome
    }

    private func tlsConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !verify {
            configuration.certificateVerification = .none
        } else if let caFile {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
        }
        return configuration
    }
}

/// Whether the TCP connection was made, set on the event loop and read by the probe afterwards.
private final class ConnectedFlag: Sendable {
    private let state = Mutex(false)

    func set() { state.withLock { $0 = true } }

    var value: Bool { state.withLock { $0 } }
}

/// Fulfils its promise when the TLS handshake completes (or, without TLS, once connected) and
/// fails it on the first error or when the connection closes first.
private final class HandshakeWaiter: ChannelInboundHandler {
    typealias InboundIn = NIOAny
    private let promise: EventLoopPromise<Void>
    private let needsTLS: Bool
    private let onActive: () -> Void

    init(promise: EventLoopPromise<Void>, needsTLS: Bool, onActive: @escaping () -> Void) {
        self.promise = promise
        self.needsTLS = needsTLS
        self.onActive = onActive
    }

    func channelActive(context: ChannelHandlerContext) {
        onActive()
        if !needsTLS { promise.succeed() }
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent { promise.succeed() }
        context.fireUserInboundEventTriggered(event)
    }

    // A promise completes once; whichever of these comes later is ignored.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ChannelError.eof)
        context.fireChannelInactive()
    }
}
