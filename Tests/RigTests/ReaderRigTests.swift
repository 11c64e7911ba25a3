import CardSimulator
import Glibc
import SmartCard
import Synchronization
import Testing

extension RigTests {
    @Suite struct Readers {
        @Test func listsTheTwoVirtualReaders() throws {
            guard Rig.isUp() else { return }
            let readers = try PCSCContext().readers()
            #expect(readers.contains(Rig.reader0))
            #expect(readers.contains(Rig.reader1))
        }

        @Test func connectingToAnEmptyReaderSaysThereIsNoCard() async throws {
            guard Rig.isUp() else { return }
            let context = try PCSCContext()
            await #expect(throws: SmartCardError.noCard) {
                _ = try await context.connect(reader: Rig.reader0)
            }
        }

        @Test func connectingToAnUnknownReaderIsAClearError() async throws {
            guard Rig.isUp() else { return }
            let error = await #expect(throws: SmartCardError.self) {
                _ = try await PCSCContext().connect(reader: "No Such Reader 00 00")
            }
            #expect(error == .unknownReader || error == .readerUnavailable)
            #expect(error?.message.contains("reader") == true)
        }

        @Test func testCardAnswersThroughPCSCAndResolves61xxAnd6Cxx() async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard { _, card in
                #expect(try card.atrBlocking() == TestCard().atr)

                // 61xx: the raw answer announces data; transmit follows it with GET RESPONSE, twice.
                let getChained = CommandAPDU(ins: 0xCA, p1: 0x01, expectedLength: 256)
                let raw = try ResponseAPDU(bytes: try await card.transmitRaw(getChained.encoded()))
                #expect(raw.statusWord == StatusWord(0x6100))
                let chained = try await card.transmit(getChained)
                #expect(chained.statusWord == .success)
                #expect(chained.data.count == 300)
                #expect(chained.data.first == 0xA0)
                #expect(chained.data.last == UInt8(truncatingIfNeeded: 0xA0 + 299))

                // 6Cxx: Le 00 is corrected to the card's exact length.
                let exact = try await card.transmit(CommandAPDU(ins: 0xCA, p1: 0x02, expectedLength: 256))
                #expect(exact.statusWord == .success)
                #expect(exact.data == (0..<16).map { UInt8(0x10 + $0) })

                // READ BINARY beyond the end of the file: 6Cxx gives what is left.
                _ = try await card.transmit(CommandAPDU(ins: 0xA4, p1: 0x00, p2: 0x0C, data: [0x2F, 0x01]))
                let tail = try await card.transmit(
                    CommandAPDU(ins: 0xB0, p1: 0x02, p2: 0x50, expectedLength: 256))
                #expect(tail.data == (0x250..<600).map { UInt8(truncatingIfNeeded: $0) })

                let unknown = try await card.transmit(CommandAPDU(ins: 0x42))
                #expect(unknown.statusWord.meaning == .insNotSupported)
                try card.disconnect(.leave)
                await #expect(throws: SmartCardError.invalidHandle) {
                    _ = try await card.transmitRaw([0x00, 0xEE, 0x00, 0x00])
                }
            }
        }

        /// vpcd answers a card pulled between command and response with "success, no bytes", not
        /// with an error: the connection must still report the card as removed.
        @Test(arguments: [FaultPlan(removeBeforeAPDU: 2), FaultPlan(removeAfterAPDU: 2)])
        func aCardPulledMidExchangeIsReportedRemoved(faults: FaultPlan) async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard(faults: faults) { _, card in
                let echo = CommandAPDU(ins: 0xEE, data: [1, 2, 3], expectedLength: 256)
                let first = try await card.transmit(echo)
                #expect(first.data == [1, 2, 3])
                await #expect(throws: SmartCardError.cardRemoved) { try await card.transmit(echo) }
            }
        }

        @Test func reconnectWithResetStartsTheCardAfresh() async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard { _, card in
                let read = CommandAPDU(ins: 0xB0, expectedLength: 4)
                _ = try await card.transmit(CommandAPDU(ins: 0xA4, p2: 0x0C, data: [0x2F, 0x01]))
                #expect(try await card.transmit(read).statusWord == .success)
                try await card.reconnect(initialization: .reset)
                // The reset forgot the selected file, as a real card's would.
                #expect(try await card.transmit(read).statusWord.meaning == .noCurrentEF)
            }
        }

        /// A card operation run on the connection's own thread keeps to it from APDU to APDU,
        /// and that thread is not the caller's.
        @Test func aCardOperationStaysOnTheConnectionsThread() async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard { _, card in
                let caller = pthread_self()
                let threads = try await withTaskExecutorPreference(card.taskExecutor) {
                    var threads: Set<pthread_t> = [pthread_self()]
                    for _ in 0..<5 {
                        let echo = try await card.transmit(
                            CommandAPDU(ins: 0xEE, data: [1, 2, 3], expectedLength: 256))
                        #expect(echo.data == [1, 2, 3])
                        threads.insert(pthread_self())
                    }
                    return threads
                }
                #expect(threads.count == 1)
                #expect(threads.first != caller)
            }
        }

        /// `withConnection`: the connect, the operation and the disconnect on one thread that is not
        /// the caller's; the context keeps that thread for its next operation, and operations at the
        /// same time each get a thread of their own (one waiting on pcscd never holds up another).
        @Test func anOperationWithItsConnectionRunsOnOneThreadKeptForTheNext() async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard { _, _ in
                let context = try PCSCContext()
                let caller = pthread_self()
                @Sendable func operation(meeting: Meeting? = nil) async throws
                    -> (threads: Set<pthread_t>, connection: CardConnection)
                {
                    try await context.withConnection(reader: Rig.reader0, disconnecting: .leave) { card in
                        meeting?.arriveAndWait()
                        var threads: Set<pthread_t> = [pthread_self()]
                        for _ in 0..<3 {
                            let echo = try await card.transmit(
                                CommandAPDU(ins: 0xEE, data: [1, 2, 3], expectedLength: 256))
                            #expect(echo.data == [1, 2, 3])
                            threads.insert(pthread_self())
                        }
                        return (threads, card)
                    }
                }
                let first = try await operation()
                #expect(first.threads.count == 1)
                #expect(first.threads.first != caller)
                // The connection ended with the operation.
                await #expect(throws: SmartCardError.invalidHandle) {
                    _ = try await first.connection.transmitRaw([0x00, 0xEE, 0x00, 0x00])
                }
                #expect(try await operation().threads == first.threads)

                let meeting = Meeting(of: 2)
                async let one = operation(meeting: meeting)
                async let other = operation(meeting: meeting)
                let (a, b) = try await (one.threads, other.threads)
                #expect(a.count == 1 && b.count == 1)
                #expect(a.isDisjoint(with: b))
            }
        }
    }
}

/// Operations that wait for each other on their threads, so they are surely under way at once. A
/// wait gives up after 5 s, so operations put on one thread fail the test instead of hanging it.
private final class Meeting: Sendable {
    private let count: Int
    private let arrived = Atomic<Int>(0)

    init(of count: Int) { self.count = count }

    func arriveAndWait() {
        arrived.add(1, ordering: .relaxed)
        let deadline = ContinuousClock.now + .seconds(5)
        while arrived.load(ordering: .relaxed) < count && ContinuousClock.now < deadline { usleep(1_000) }
    }
}
