import Testing

@testable import SmartCard

@Suite(.timeLimit(.minutes(1))) struct CardThreadTests {
    /// What a blocking call sees: the kernel thread it runs on.
    private func here(_ thread: CardThread) async throws -> KernelThread {
        try await thread.run { () throws(SmartCardError) in
            do { return try KernelThread.current() } catch { throw .internalError }
        }
    }

    @Test func everyCallRunsOnOneNamedThreadOffTheCooperativePool() async throws {
        let thread = CardThread()
        defer { thread.stop() }
        let caller = try KernelThread.current()
        var seen: Set<KernelThread> = []
        for _ in 0..<20 { seen.insert(try await here(thread)) }
        #expect(seen.count == 1)
        let card = try #require(seen.first)
        #expect(card.name == "sskiosk.card")
        #expect(card != caller)
        // Calls from many tasks at once, on whichever pool threads they get, still meet on that one thread.
        let fromTasks = try await withThrowingTaskGroup(of: KernelThread.self) { group in
            for _ in 0..<20 { group.addTask { try await here(thread) } }
            return try await group.reduce(into: Set<KernelThread>()) { $0.insert($1) }
        }
        #expect(fromTasks == [card])
    }

    @Test func aTaskPreferringItStaysOnItBetweenCalls() async throws {
        let thread = CardThread()
        defer { thread.stop() }
        let seen = try await withTaskExecutorPreference(thread) { () async throws -> [KernelThread] in
            var seen = [try KernelThread.current()]
            for _ in 0..<5 {
                seen.append(try await here(thread))
                seen.append(try KernelThread.current())
            }
            return seen
        }
        #expect(Set(seen).count == 1)
        #expect(seen.first?.name == "sskiosk.card")
    }

    @Test func theThreadEndsWhenStopped() async throws {
        let thread = CardThread()
        let card = try await here(thread)
        #expect(card.isAlive)
        thread.stop()
        thread.stop()
        #expect(try await card.ends())
    }

    @Test func workArrivingAfterTheEndStillRuns() async throws {
        let thread = CardThread()
        let card = try await here(thread)
        thread.stop()
        #expect(try await card.ends())
        let ranOn = try await Task(executorPreference: thread) { try KernelThread.current() }.value
        #expect(ranOn != card)
        let afterwards = try await withTaskExecutorPreference(thread) { try KernelThread.current() }
        #expect(afterwards != card)
    }

    @Test func aConnectionsThreadEndsWhenItIsDisconnected() async throws {
        let connection = unconnected()
        let card = try await here(connection.thread)
        try connection.disconnect(.leave)
        #expect(try await card.ends())
        await #expect(throws: SmartCardError.invalidHandle) {
            try await connection.transmitRaw([0x00, 0xA4, 0x00, 0x00])
        }
    }

    @Test func aConnectionsThreadEndsWhenItIsReleased() async throws {
        var connection: CardConnection? = unconnected()
        let card = try await here(connection!.thread)
        connection = nil
        #expect(try await card.ends())
    }

    /// A connection made blocking (diagnostics' checks, from threads of their own) starts no thread
    /// until an async call needs one.
    @Test func aBlockingConnectionStartsItsThreadAtItsFirstAsyncCall() async throws {
        let connection = unconnected()
        #expect(!connection.hasOwnThread)
        _ = try? connection.transmitRawBlocking([0x00, 0xA4, 0x00, 0x00])
        #expect(!connection.hasOwnThread)
        _ = try? await connection.transmitRaw([0x00, 0xA4, 0x00, 0x00])
        #expect(connection.hasOwnThread)
    }

    /// A connection with a handle pcscd never gave out, made as `connectBlocking` makes one: enough
    /// for its thread's life, without a daemon.
    private func unconnected() -> CardConnection {
        CardConnection(
            context: .deferred(), reader: "no reader", handle: 0x7FFF_0001, activeProtocol: .t1, threading: .own(nil))
    }
}
