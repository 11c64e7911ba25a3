import CPCSCLite
import Glibc
import Synchronization

/// A connection to the card in one reader.
///
/// Blocking PC/SC calls have `Blocking` in their name and are what a thread that owns the
/// connection uses; the async versions run them on the connection's thread (``taskExecutor``): its
/// own, started at the first async call and ended with the connection (one used only through
/// blocking calls never starts it), or the one
/// ``PCSCContext/withConnection(reader:share:protocols:disconnecting:_:)`` lends it for an
/// operation. APDU-level behaviour (GET RESPONSE, Le correction) comes from ``CardChannel``.
public final class CardConnection: CardChannel {
    public let reader: String
    private let context: PCSCContext
    private let state: Mutex<State>
    private let threading: Mutex<Threading>
    /// Where PC/SC writes each answer: one buffer for the connection's life instead of a new
    /// zeroed 64 KiB array per APDU. Each answer is copied out and its bytes cleared at once, so
    /// the buffer never holds a cardholder's data between transmits.
    private let receiveBuffer: Mutex<UnsafeMutableBufferPointer<UInt8>>

    private struct State {
        var handle: SCARDHANDLE?
        var activeProtocol: CardProtocols
    }

    /// The thread the async calls run on.
    enum Threading {
        /// Lent for one operation (``PCSCContext/withConnection(reader:share:protocols:disconnecting:_:)``):
        /// it goes on after the connection.
        case lent(CardThread)
        /// The connection's own, once started (by an async connect, or by the first async call
        /// of a connection made blocking): it ends with the connection.
        case own(CardThread?)
    }

    init(
        context: PCSCContext, reader: String, handle: SCARDHANDLE, activeProtocol: CardProtocols, threading: Threading
    ) {
        self.context = context
        self.reader = reader
        self.state = Mutex(State(handle: handle, activeProtocol: activeProtocol))
        self.threading = Mutex(threading)
        receiveBuffer = Mutex(.allocate(capacity: Self.receiveCapacity))
    }

    /// The connection's thread, its own started at the first call that needs it.
    var thread: CardThread {
        threading.withLock { threading in
            switch threading {
            case .lent(let thread), .own(let thread?): return thread
            case .own(nil):
                let thread = CardThread()
                threading = .own(thread)
                return thread
            }
        }
    }

    /// Whether the connection started a thread of its own.
    var hasOwnThread: Bool {
        threading.withLock { threading in
            if case .own(_?) = threading { true } else { false }
        }
    }

    /// Lets the connection's own thread end, if it started one.
    private func endOwnThread() {
        threading.withLock { threading in
            if case .own(let thread?) = threading { thread.stop() }
        }
    }

    /// A connection dropped without ``disconnect(_:)`` leaves the card as it is. Code that verified
    /// or authenticated disconnects with `.reset` itself; a reset here would also hit connections
    /// dropped while their card is being pulled, and on the rig vpcd then missed the next card.
    deinit {
        state.withLock { s in
            if let h = s.handle { _ = SCardDisconnect(h, DWORD(CardDisposition.leave.rawValue)) }
        }
        receiveBuffer.withLock { $0.deallocate() }
        endOwnThread()
    }

    /// The connection's own thread, as an executor: a card operation run under
    /// `withTaskExecutorPreference(connection.taskExecutor)` sends all its APDUs from that thread
    /// without switching threads for each, and keeps its blocking off the cooperative pool.
    public var taskExecutor: (any TaskExecutor)? { thread }

    /// The protocol the reader negotiated with the card.
    public var activeProtocol: CardProtocols { state.withLock { $0.activeProtocol } }

    private func current() throws(SmartCardError) -> (SCARDHANDLE, CardProtocols) {
        try state.withLock { (s: inout State) throws(SmartCardError) -> (SCARDHANDLE, CardProtocols) in
            guard let h = s.handle else { throw .invalidHandle }
            return (h, s.activeProtocol)
        }
    }

    // MARK: Exchanging bytes

    /// Maximum response size PC/SC hands back: 64 KiB data plus the status word.
    private static let receiveCapacity = 65_538

    /// Sends `command` and returns the card's raw answer. Blocking.
    public func transmitRawBlocking(_ command: [UInt8]) throws(SmartCardError) -> [UInt8] {
        let (handle, proto) = try current()
        let (rv, received) = receiveBuffer.withLock { buffer -> (LONG, [UInt8]) in
            var receivedLength = DWORD(buffer.count)
            let rv: LONG = withUnsafePointer(
                to: proto == .t0 ? g_rgSCardT0Pci : proto == .t1 ? g_rgSCardT1Pci : g_rgSCardRawPci
            ) { pci in
                command.withUnsafeBufferPointer { send in
                    SCardTransmit(
                        handle, pci, send.baseAddress, DWORD(send.count), nil, buffer.baseAddress, &receivedLength)
                }
            }
            guard Int(rv) == PCSCStatus.success else { return (rv, []) }
            let answer = UnsafeMutableBufferPointer(rebasing: buffer[..<min(Int(receivedLength), buffer.count)])
            defer { answer.update(repeating: 0) }
            return (rv, Array(answer))
        }
        guard Int(rv) == PCSCStatus.success else { throw Self.transmitFailure(Int(rv), handle: handle) }
        // vpcd answers a card pulled between command and response with success and no bytes.
        if received.count < 2, let gone = Self.absence(handle) { throw gone }
        return received
    }

    /// pcscd reports a card pulled out mid-exchange as a failed transmission (not transacted, or a
    /// communication error), and notices the empty slot only at its next poll of the reader.
    /// Watching the card's status for a moment tells a pulled card from a faulty exchange.
    private static func transmitFailure(_ rv: Int, handle: SCARDHANDLE) -> SmartCardError {
        guard rv == PCSCStatus.notTransacted || rv == PCSCStatus.commError else { return SmartCardError(pcscCode: rv) }
        return absence(handle) ?? SmartCardError(pcscCode: rv)
    }

    /// Watches the card's status for up to 1.5 s: ``SmartCardError/cardRemoved`` once pcscd sees
    /// the slot empty, the status call's own error if it fails otherwise, nil if the card stays.
    private static func absence(_ handle: SCARDHANDLE) -> SmartCardError? {
        let deadline = ContinuousClock.now + .milliseconds(1500)
        repeat {
            var readerLength: DWORD = 0
            var cardState: DWORD = 0
            var proto: DWORD = 0
            var atrLength: DWORD = 0
            let status = Int(SCardStatus(handle, nil, &readerLength, &cardState, &proto, nil, &atrLength))
            if status == PCSCStatus.removedCard
                || (status == PCSCStatus.success && cardState & DWORD(SCARD_PRESENT) == 0)
            {
                return .cardRemoved
            }
            guard status == PCSCStatus.success else { return SmartCardError(pcscCode: status) }
            usleep(50_000)
        } while ContinuousClock.now < deadline
        return nil
    }

    public func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        try await thread.run { () throws(SmartCardError) in try self.transmitRawBlocking(command) }
    }

    // MARK: Status, reconnect, disconnect

    /// The card's current answer to reset, as the reader reports it.
    public func atrBlocking() throws(SmartCardError) -> [UInt8] {
        let (handle, _) = try current()
        var atr = [UInt8](repeating: 0, count: Int(MAX_ATR_SIZE))
        var atrLength = DWORD(atr.count)
        var readerLength: DWORD = 0
        var cardState: DWORD = 0
        var proto: DWORD = 0
        try pcscCall { SCardStatus(handle, nil, &readerLength, &cardState, &proto, &atr, &atrLength) }
        return Array(atr.prefix(Int(atrLength)))
    }

    /// Reconnects, optionally resetting or unpowering the card first: the way back after
    /// ``SmartCardError/cardReset`` or to start a card from a known state. Blocking.
    public func reconnectBlocking(
        share: ShareMode = .shared,
        protocols: CardProtocols = .any,
        initialization: CardDisposition = .leave
    ) throws(SmartCardError) {
        let (handle, _) = try current()
        var active: DWORD = 0
        try pcscCall {
            SCardReconnect(
                handle, DWORD(share.rawValue), DWORD(protocols.rawValue), DWORD(initialization.rawValue), &active)
        }
        state.withLock { $0.activeProtocol = CardProtocols(rawValue: UInt32(active)) }
    }

    public func reconnect(
        share: ShareMode = .shared,
        protocols: CardProtocols = .any,
        initialization: CardDisposition = .leave
    ) async throws(SmartCardError) {
        try await thread.run { () throws(SmartCardError) in
            try self.reconnectBlocking(share: share, protocols: protocols, initialization: initialization)
        }
    }

    /// Ends the connection and lets its own thread end. Later calls fail with
    /// ``SmartCardError/invalidHandle``. A card already removed is not an error here: the
    /// connection is gone either way.
    ///
    /// There is no default `disposition`: a caller that verified a PIN or authenticated must
    /// `.reset` the card, or the next program to connect finds it still open; only a caller that
    /// changed no security state on the card may `.leave` it (and so not disturb other connections).
    public func disconnect(_ disposition: CardDisposition) throws(SmartCardError) {
        defer { endOwnThread() }
        guard
            let handle = state.withLock({ s -> SCARDHANDLE? in
                defer { s.handle = nil }
                return s.handle
            })
        else { return }
        let rv = Int(SCardDisconnect(handle, DWORD(disposition.rawValue)))
        guard rv == PCSCStatus.success || rv == PCSCStatus.removedCard || rv == PCSCStatus.invalidHandle else {
            throw SmartCardError(pcscCode: rv)
        }
    }

    // MARK: Transactions

    /// Runs `body` with exclusive access to the card; the transaction always ends, also when
    /// `body` throws. Other programs wait until it ends, so keep the body to one card operation.
    public func withTransaction<T: Sendable>(
        _ body: (CardConnection) async throws -> T
    ) async throws -> T {
        let (handle, _) = try current()
        try await thread.run { () throws(SmartCardError) in try pcscCall { SCardBeginTransaction(handle) } }
        let result: T
        do {
            result = try await body(self)
        } catch {
            try? await endTransaction(handle)
            throw error
        }
        try await endTransaction(handle)
        return result
    }

    private func endTransaction(_ handle: SCARDHANDLE) async throws(SmartCardError) {
        try await thread.run { () throws(SmartCardError) in
            try pcscCall { SCardEndTransaction(handle, DWORD(CardDisposition.leave.rawValue)) }
        }
    }
}
