import CardSimulator
import SmartCard
import Testing

extension RigTests {
    @Suite struct Transactions {
        private static let echo = CommandAPDU(ins: 0xEE, data: [1, 2, 3], expectedLength: 256)

        @Test func anotherConnectionWaitsUntilTheTransactionEnds() async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard { _, holder in
                let other = try await PCSCContext().connect(reader: Rig.reader0)

                // The other connection asks for the card during our transaction; it must get it only after.
                let (waiting, ourEnd) = try await holder.withTransaction { card in
                    let task = Task {
                        let response = try await other.withTransaction { try await $0.transmit(Self.echo) }
                        return (response, ContinuousClock.now)
                    }
                    try await Task.sleep(for: .milliseconds(400))
                    #expect(try await card.transmit(Self.echo).data == [1, 2, 3])
                    return (task, ContinuousClock.now)
                }
                let (response, otherEnd) = try await waiting.value
                #expect(response.data == [1, 2, 3])
                #expect(otherEnd > ourEnd, "the other connection got the card during our transaction")
            }
        }

        @Test func theTransactionEndsWhenTheBodyThrows() async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard { _, holder in
                struct Boom: Error {}
                await #expect(throws: Boom.self) {
                    try await holder.withTransaction { _ in throw Boom() }
                }
                // Had the transaction stayed open, this would wait for ever; bound it.
                let other = try await PCSCContext().connect(reader: Rig.reader0)
                let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        try await other.withTransaction { try await $0.transmit(Self.echo) }.statusWord
                            == .success
                    }
                    group.addTask {
                        try await Task.sleep(for: .seconds(5))
                        return false
                    }
                    let first = try await group.next()!
                    group.cancelAll()
                    return first
                }
                #expect(answered)
            }
        }

        @Test func aCardPulledDuringATransactionIsReportedRemoved() async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard { inserted, holder in
                let error = await #expect(throws: SmartCardError.self) {
                    try await holder.withTransaction { card in
                        #expect(try await card.transmit(Self.echo).statusWord == .success)
                        await inserted.remove()
                        try await Task.sleep(for: .milliseconds(300))
                        return try await card.transmit(Self.echo)
                    }
                }
                #expect(error == .cardRemoved, "got \(String(describing: error))")
            }
        }
    }
}
