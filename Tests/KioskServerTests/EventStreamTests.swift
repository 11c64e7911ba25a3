import Foundation
import HTTPTypes
import Hummingbird
import Synchronization
import Testing

@testable import KioskServer

@Suite("The event stream: each event a data line, a keep-alive comment while it is quiet")
struct EventStreamTests {
    /// What a writer was given.
    final class Recording: Sendable {
        let lines = Mutex<[String]>([])
        let finished = Mutex(false)
        var written: [String] { lines.withLock { $0 } }
        var keepAlives: Int { written.filter { $0 == ": keep-alive\n\n" }.count }
    }

    /// A response body writer that records, and fails from write number `failingAt` on (a client gone).
    struct RecordingWriter: ResponseBodyWriter {
        let recording: Recording
        var failingAt = Int.max

        mutating func write(_ buffer: ByteBuffer) async throws {
            try recording.lines.withLock { lines in
                guard lines.count + 1 < failingAt else { throw CancellationError() }
                lines.append(String(buffer: buffer))
            }
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
            recording.finished.withLock { $0 = true }
        }
    }

    static let interval = Duration.milliseconds(50)

    @Test("a comment every interval, events in between, the end of the body when the events end")
    func keepAlive() async throws {
        let (events, input) = AsyncStream.makeStream(of: ServerEvent.self)
        let recording = Recording()
        let started = ContinuousClock.now
        let writing = Task {
            var writer: any ResponseBodyWriter = RecordingWriter(recording: recording)
            try await EventStreamBody(events: events, keepAlive: Self.interval).write(to: &writer)
        }
        try await Self.waitUntil { recording.keepAlives >= 2 }
        let event = ServerEvent(type: "card-inserted", reader: "Kiosk Reader")
        input.yield(event)
        try await Self.waitUntil { recording.keepAlives >= 4 }
        input.finish()
        try await writing.value
        let elapsed = ContinuousClock.now - started

        let lines = recording.written
        #expect(lines.first == ": connected\n\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("data: ") })
        #expect(try JSONBody.decoder.decode(ServerEvent.self, from: Data(lines[index].utf8.dropFirst(6))) == event)
        #expect(lines[index].hasSuffix("\n\n"))
        #expect(lines[..<index].filter { $0 == ": keep-alive\n\n" }.count >= 2)
        #expect(lines[index...].contains(": keep-alive\n\n"))
        // One comment per interval, not more.
        #expect(Double(recording.keepAlives) <= elapsed / Self.interval + 1)
        #expect(recording.finished.withLock { $0 })
    }

    @Test("a client that goes away ends the stream: the writer stops and nothing waits for ever")
    func clientGone() async throws {
        let (events, input) = AsyncStream.makeStream(of: ServerEvent.self)
        let recording = Recording()
        var writer: any ResponseBodyWriter = RecordingWriter(recording: recording, failingAt: 3)
        await #expect(throws: CancellationError.self) {
            try await EventStreamBody(events: events, keepAlive: Self.interval).write(to: &writer)
        }
        #expect(recording.written == [": connected\n\n", ": keep-alive\n\n"])
        #expect(!recording.finished.withLock { $0 })
        input.finish()
    }

    @Test("the terminal's configuration sets the interval, 15 s unless told")
    func configured() {
        let (reader, a4, card) = ("R", "A4", "card")
        #expect(
            KioskServerConfiguration(residentReader: reader, deskReader: reader, documentQueue: a4, cardQueue: card)
                .eventKeepAlive == 15)
        #expect(
            KioskServerConfiguration(
                residentReader: reader, deskReader: reader, documentQueue: a4, cardQueue: card, eventKeepAlive: 0.5
            ).eventKeepAlive == 0.5)
    }

    /// Generous: in the whole suite, CPU-bound tests hold both threads of this machine's cooperative
    /// pool for seconds at a time, and the stream's timer waits its turn like every other task.
    static func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(90)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
