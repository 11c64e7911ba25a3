import Glibc

/// Turns taken with another peer's process, read by read, through two FIFOs named by `TURN_WAIT`
/// and `TURN_PASS` (the run script's paired phase; `c/card_read.c` takes them the same way): each
/// run waits for its turn before its clock starts and passes it on once its card is disconnected, so
/// that whatever else the machine is doing falls on the two peers alike. Without the variables,
/// runs follow each other freely.
///
/// Waiting blocks the calling thread, outside every measurement: a benchmark's loop, not service code.
struct Turn {
    private let wait: Int32?
    private let pass: Int32?

    init() throws {
        wait = try Self.open("TURN_WAIT")
        pass = try Self.open("TURN_PASS")
    }

    /// Read and write both (Linux opens a FIFO so at once, whether or not the other side has it yet).
    private static func open(_ variable: String) throws -> Int32? {
        guard let path = getenv(variable).map({ String(cString: $0) }) else { return nil }
        let descriptor = Glibc.open(path, O_RDWR)
        guard descriptor >= 0 else { throw BenchmarkFailure("\(variable): cannot open \(path) (errno \(errno))") }
        return descriptor
    }

    /// Returns once the other peer has passed the turn.
    func take() throws {
        guard let wait else { return }
        var token: UInt8 = 0
        guard read(wait, &token, 1) == 1 else { throw BenchmarkFailure("waiting for the turn failed (errno \(errno))") }
    }

    /// Hands the turn to the other peer.
    func hand() throws {
        guard let pass else { return }
        var token = UInt8(ascii: "t")
        guard write(pass, &token, 1) == 1 else { throw BenchmarkFailure("passing the turn failed (errno \(errno))") }
    }
}
