import Testing

@testable import KioskServer

@Suite("The event hub serves a bounded number of streams")
struct EventHubTests {
    @Test func streamsBeyondTheCapAreRefusedUntilOneCloses() async {
        let hub = EventHub(maximumSubscribers: 3)
        var open: [AsyncStream<ServerEvent>] = []
        for _ in 0..<3 {
            let stream = await hub.subscribe()
            #expect(stream != nil, "a stream under the cap was refused")
            open += stream.map { [$0] } ?? []
        }
        #expect(await hub.subscribe() == nil)
        await hub.finishAll()
        #expect(await hub.subscribe() != nil)
        #expect(open.count == 3)
    }
}
