import CardSimulator
import SmartCard
import Testing

extension RigTests {
    @Suite struct Monitor {
        @Test func reportsReadersThenInsertionAndRemovalInOrder() async throws {
            guard Rig.isUp() else { return }
            let recorder = EventRecorder()
            defer { recorder.stop() }
            try await recorder.wait(for: "both readers") { _ in
                recorder.all.contains(.readerAdded(Rig.reader0))
                    && recorder.all.contains(.readerAdded(Rig.reader1))
            }
            let before = recorder.all.count
            let inserted = try await InsertedCard.insert(TestCard(), port: Rig.slot0Port)
            defer { Task { await inserted.remove() } }
            let insertedAt = try await recorder.wait(after: before, for: "the insertion") {
                $0 == .cardInserted(reader: Rig.reader0, atr: TestCard().atr)
            }
            await inserted.remove()
            let removedAt = try await recorder.wait(after: insertedAt, for: "the removal") {
                $0 == .cardRemoved(reader: Rig.reader0)
            }
            #expect(insertedAt < removedAt)
            // Nothing else happened in between, and nothing to the other reader.
            #expect(
                recorder.all[before...].allSatisfy { event in
                    event == .cardInserted(reader: Rig.reader0, atr: TestCard().atr)
                        || event == .cardRemoved(reader: Rig.reader0)
                })
        }

        @Test func aCardAlreadyPresentIsReportedFirst() async throws {
            guard Rig.isUp() else { return }
            try await Rig.withCard { _, _ in
                let recorder = EventRecorder()
                defer { recorder.stop() }
                let added = try await recorder.wait(for: "reader 0 added") {
                    $0 == .readerAdded(Rig.reader0)
                }
                let present = try await recorder.wait(for: "the card present") {
                    $0 == .cardInserted(reader: Rig.reader0, atr: TestCard().atr)
                }
                #expect(added < present)
            }
        }

        @Test func endingTheIterationCancelsTheBlockingWait() async throws {
            guard Rig.isUp() else { return }
            let task = Task {
                var count = 0
                for await _ in ReaderMonitor() { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            // The monitor's thread sits in SCardGetStatusChange with no timeout; only SCardCancel ends it.
            let finished = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = await task.value
                    return true
                }
                group.addTask {
                    try? await Task.sleep(for: .seconds(5))
                    return false
                }
                let first = await group.next()!
                group.cancelAll()
                return first
            }
            #expect(finished, "the monitor did not end within 5 s of cancellation")
            #expect(await task.value >= 2)
        }

        @Test func recoversWhenPcscdIsKilledAndRestarted() async throws {
            guard Rig.isUp() else { return }
            let recorder = EventRecorder()
            defer { recorder.stop() }
            try await recorder.wait(for: "reader 0") { $0 == .readerAdded(Rig.reader0) }
            let context = try PCSCContext()
            #expect(try context.readers().contains(Rig.reader0))

            let lostAt = try await Rig.restoring(.readers) {
                try await Rig.run("kill", "pcscd")
                let lostAt = try await recorder.wait(for: "the service lost") { $0 == .serviceLost }
                #expect(recorder.all[..<lostAt].contains(.readerAdded(Rig.reader0)))
                #expect(recorder.all.contains(.readerRemoved(Rig.reader0)))
                return lostAt
            }

            let restoredAt = try await recorder.wait(
                after: lostAt, for: "the service restored", timeout: .seconds(15)
            ) {
                $0 == .serviceRestored
            }
            try await recorder.wait(after: restoredAt, for: "reader 0 back") {
                $0 == .readerAdded(Rig.reader0)
            }
            // A context made before the restart heals itself too.
            #expect(try context.readers().contains(Rig.reader0))

            try await Rig.withCard { _, _ in
                try await recorder.wait(after: restoredAt, for: "the next insertion") {
                    $0 == .cardInserted(reader: Rig.reader0, atr: TestCard().atr)
                }
            }
        }
    }
}
