// APDU round trips through pcscd with the SmartCard API; Benchmarks/APDURoundTrip/run compares
// them with a C SCardTransmit loop and with pyscard.
//
//   APDURoundTripBenchmark READER ITERATIONS WARMUP [blocking|async|both]
//
// Peers: swift-blocking calls transmitRawBlocking on this thread; swift-async calls
// transmit(_:) from a task on the cooperative pool, which waits on the connection's own thread
// as service code does. Output, shared with the other peers: "sample PEER NS" per timed round
// trip, then "loop PEER ITERATIONS ELAPSED_NS".
import Glibc
import SmartCard

/// ECHO (00 EE 00 00 Lc data): the test card answers data + 90 00.
let echo = CommandAPDU(ins: 0xEE, data: [1, 2, 3, 4, 5, 6, 7, 8])

/// CLOCK_MONOTONIC, the clock the C and Python peers read too.
func nowNanoseconds() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

struct WrongAnswer: Error, CustomStringConvertible {
    let peer: String
    var description: String { "\(peer): the card's answer is not the echo" }
}

struct Loop {
    let peer: String
    var samples: [Int] = []
    var elapsed = 0

    func report() {
        var lines = ""
        for sample in samples { lines += "sample \(peer) \(sample)\n" }
        lines += "loop \(peer) \(samples.count) \(elapsed)"
        print(lines)
    }
}

func measureBlocking(_ connection: CardConnection, iterations: Int, warmup: Int) throws -> Loop {
    let command = try echo.encoded()
    let expected = echo.data + [0x90, 0x00]
    var loop = Loop(peer: "swift-blocking")
    loop.samples.reserveCapacity(iterations)
    for _ in 0..<warmup {
        guard try connection.transmitRawBlocking(command) == expected else { throw WrongAnswer(peer: loop.peer) }
    }
    let start = nowNanoseconds()
    for _ in 0..<iterations {
        let before = nowNanoseconds()
        let response = try connection.transmitRawBlocking(command)
        loop.samples.append(nowNanoseconds() - before)
        guard response == expected else { throw WrongAnswer(peer: loop.peer) }
    }
    loop.elapsed = nowNanoseconds() - start
    return loop
}

/// `@concurrent` keeps the loop off the main actor: service code awaits from the cooperative pool.
@concurrent
func measureAsync(_ connection: CardConnection, iterations: Int, warmup: Int) async throws -> Loop {
    let expected = ResponseAPDU(data: echo.data, statusWord: .success)
    var loop = Loop(peer: "swift-async")
    loop.samples.reserveCapacity(iterations)
    for _ in 0..<warmup {
        guard try await connection.transmit(echo) == expected else { throw WrongAnswer(peer: loop.peer) }
    }
    let start = nowNanoseconds()
    for _ in 0..<iterations {
        let before = nowNanoseconds()
        let response = try await connection.transmit(echo)
        loop.samples.append(nowNanoseconds() - before)
        guard response == expected else { throw WrongAnswer(peer: loop.peer) }
    }
    loop.elapsed = nowNanoseconds() - start
    return loop
}

/// Reports on standard error and exits; `stderr` itself is a global Swift 6 rejects as unsafe.
func exit(status: Int32, _ message: String) -> Never {
    var line = message + "\n"
    line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(status)
}

enum Mode: String {
    case blocking, async, both
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard (3...4).contains(arguments.count), let iterations = Int(arguments[1]), let warmup = Int(arguments[2]),
    iterations >= 0, warmup >= 0, let mode = Mode(rawValue: arguments.count == 4 ? arguments[3] : "both")
else {
    exit(status: 2, "usage: APDURoundTripBenchmark READER ITERATIONS WARMUP [blocking|async|both]")
}

do {
    let connection = try PCSCContext().connectBlocking(reader: arguments[0])
    if mode != .async { try measureBlocking(connection, iterations: iterations, warmup: warmup).report() }
    if mode != .blocking { try await measureAsync(connection, iterations: iterations, warmup: warmup).report() }
} catch {
    exit(status: 1, "APDURoundTripBenchmark: \(error)")
}
