import Hummingbird

/// One client's event stream as server-sent events: each event a `data:` line of JSON, and a
/// comment line whenever `keepAlive` passes, so that proxies and browsers do not close a stream
/// that stays quiet while no card comes and no job prints.
struct EventStreamBody: Sendable {
    let events: AsyncStream<ServerEvent>
    let keepAlive: Duration

    private enum Line: Sendable {
        case event(ServerEvent)
        case keepAlive
    }

    /// Writes until the events end (the service shuts down) or the client goes (a write fails).
    func write(to writer: inout any ResponseBodyWriter) async throws {
        let (lines, output) = AsyncStream.makeStream(of: Line.self, bufferingPolicy: .bufferingNewest(64))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in events { output.yield(.event(event)) }
                output.finish()
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: keepAlive)
                    output.yield(.keepAlive)
                }
            }
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            for await line in lines {
                switch line {
                case .event(let event):
                    let json = try JSONBody.encoder.encode(event)
                    try await writer.write(
                        ByteBuffer(string: "data: " + String(decoding: json, as: UTF8.self) + "\n\n"))
                case .keepAlive:
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
            }
            group.cancelAll()
        }
        try await writer.finish(nil)
    }
}
