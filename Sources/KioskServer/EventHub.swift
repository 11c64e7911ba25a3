import Foundation

/// Fans server events out to every open event stream.
actor EventHub {
    private var subscribers: [UUID: AsyncStream<ServerEvent>.Continuation] = [:]

    func subscribe() -> AsyncStream<ServerEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: ServerEvent.self, bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        subscribers[id] = continuation
        return stream
    }

    func publish(_ event: ServerEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every open stream (the service is shutting down).
    func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func unsubscribe(_ id: UUID) { subscribers[id] = nil }
}
