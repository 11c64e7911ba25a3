import Foundation

/// Fans server events out to every open event stream, of which there are at most
/// ``maximumSubscribers``: a kiosk and a desk need two or three, and each costs a task and a buffer,
/// so any page on the machine could otherwise open streams until the service runs out.
actor EventHub {
    let maximumSubscribers: Int
    private var subscribers: [UUID: AsyncStream<ServerEvent>.Continuation] = [:]

    init(maximumSubscribers: Int = 16) {
        self.maximumSubscribers = maximumSubscribers
    }

    /// A new stream of events, or nil when ``maximumSubscribers`` are open.
    func subscribe() -> AsyncStream<ServerEvent>? {
        guard subscribers.count < maximumSubscribers else { return nil }
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
