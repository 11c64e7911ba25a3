import NIOPosix

/// Runs blocking C calls (PC/SC waits, transmits) on NIO's blocking thread pool, never on the
/// cooperative pool, whose few threads must stay free for the rest of the service.
enum BlockingCall {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(SmartCardError) -> T)
        async throws(SmartCardError) -> T
    {
        do {
            return try await NIOThreadPool.singleton.runIfActive { try body() }
        } catch let error as SmartCardError {
            throw error
        } catch {
            throw .cancelled
        }
    }
}
