import CPCSCLite
import Glibc
import Synchronization

/// A connection to the PC/SC resource manager (pcscd).
///
/// A restart of pcscd invalidates every context the daemon gave out. This type notices the
/// calls that fail that way, establishes a new context and repeats the call once, so a
/// long-running service survives a daemon restart without its callers doing anything.
public final class PCSCContext: Sendable {
    private let handle: Mutex<SCARDCONTEXT?>
    /// The threads of finished ``withConnection(reader:share:protocols:disconnecting:_:)`` operations,
    /// each kept for a later one: starting a thread and its first run cost about as much as two
    /// APDU round trips here, too much to pay inside every card operation. As many as operations
    /// ever ran at once; they end with the context.
    private let idleThreads = Mutex<[CardThread]>([])

    /// Establishes a context; fails with ``SmartCardError/serviceNotRunning`` when pcscd is down.
    public init() throws(SmartCardError) {
        handle = Mutex(try Self.establish())
    }

    private init(deferred: Void) {
        handle = Mutex(nil)
    }

    /// A context established at its first call rather than now: for a service that must start
    /// while pcscd is down (a desk PC before its reader is plugged in). Calls fail with
    /// ``SmartCardError/serviceNotRunning`` until the daemon is up.
    public static func deferred() -> PCSCContext {
        PCSCContext(deferred: ())
    }

    deinit {
        handle.withLock { h in
            if let h { _ = SCardReleaseContext(h) }
        }
        idleThreads.withLock { $0.forEach { $0.stop() } }
    }

    private static func establish() throws(SmartCardError) -> SCARDCONTEXT {
        var context: SCARDCONTEXT = 0
        try pcscCall { SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &context) }
        return context
    }

    /// The current context, established anew if an earlier call found the daemon gone.
    func current() throws(SmartCardError) -> SCARDCONTEXT {
        try handle.withLock { (h: inout SCARDCONTEXT?) throws(SmartCardError) -> SCARDCONTEXT in
            if let h { return h }
            let fresh = try Self.establish()
            h = fresh
            return fresh
        }
    }

    /// Forgets a context the daemon no longer knows, so the next call establishes a new one.
    func invalidate(_ stale: SCARDCONTEXT) {
        handle.withLock { h in
            guard h == stale else { return }
            _ = SCardReleaseContext(stale)
            h = nil
        }
    }

    /// Runs `body` with a valid context, re-establishing it once if the daemon was restarted.
    func withContext<T>(_ body: (SCARDCONTEXT) -> (LONG, T)) throws(SmartCardError) -> T {
        var context = try current()
        var (rv, value) = body(context)
        if PCSCStatus.meansServiceLost(Int(rv)) {
            invalidate(context)
            context = try current()
            (rv, value) = body(context)
        }
        guard Int(rv) == PCSCStatus.success else { throw SmartCardError(pcscCode: Int(rv)) }
        return value
    }

    /// The names of the readers pcscd knows now; empty when none is connected.
    public func readers() throws(SmartCardError) -> [String] {
        do {
            return try withContext { context in
                var length: DWORD = 0
                var rv = SCardListReaders(context, nil, nil, &length)
                guard rv == PCSCStatus.success else { return (rv, []) }
                var buffer = [CChar](repeating: 0, count: Int(length))
                rv = SCardListReaders(context, nil, &buffer, &length)
                guard rv == PCSCStatus.success else { return (rv, []) }
                return (rv, Self.splitMultiString(buffer))
            }
        } catch  where error == .noReaders {
            return []
        }
    }

    /// The current state of every reader, read without waiting and without touching any card. Blocking.
    public func readerStatuses() throws(SmartCardError) -> [ReaderStatus] {
        let names = try readers()
        guard !names.isEmpty else { return [] }
        let cNames = names.map { strdup($0)! }
        defer { cNames.forEach { free($0) } }
        var states = cNames.map { name in
            var state = SCARD_READERSTATE()
            state.szReader = UnsafePointer(name)
            state.dwCurrentState = DWORD(SCARD_STATE_UNAWARE)
            return state
        }
        try withContext { context in
            let rv = SCardGetStatusChange(context, 0, &states, DWORD(states.count))
            // With every reader's state unaware, each one counts as changed; a timeout cannot mean stale data.
            return (Int(rv) == PCSCStatus.timeout ? LONG(PCSCStatus.success) : rv, ())
        }
        return zip(names, states).map { name, state in
            let atr = withUnsafeBytes(of: state.rgbAtr) { Array($0.prefix(Int(state.cbAtr))) }
            return ReaderStatus(
                reader: name, state: ReaderStatus.State(rawValue: UInt32(state.dwEventState & 0xFFFF)), atr: atr)
        }
    }

    /// Splits a PC/SC multi-string (names separated by NUL, ended by two NULs).
    static func splitMultiString(_ buffer: [CChar]) -> [String] {
        buffer.split(separator: 0, omittingEmptySubsequences: true).map { chars in
            String(decoding: chars.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Connects to the card in `reader`. Blocking; call ``connect(reader:share:protocols:)`` from async code.
    /// The connection starts a thread of its own only if an async call is made on it.
    public func connectBlocking(
        reader: String,
        share: ShareMode = .shared,
        protocols: CardProtocols = .any
    ) throws(SmartCardError) -> CardConnection {
        try connect(reader: reader, share: share, protocols: protocols, threading: .own(nil))
    }

    /// Connects to the card in `reader` from the connection's own thread, which starts here and
    /// ends with the connection: the wait stays off the cooperative thread pool.
    public func connect(
        reader: String,
        share: ShareMode = .shared,
        protocols: CardProtocols = .any
    ) async throws(SmartCardError) -> CardConnection {
        let thread = CardThread()
        do {
            return try await thread.run { () throws(SmartCardError) in
                try self.connect(reader: reader, share: share, protocols: protocols, threading: .own(thread))
            }
        } catch {
            thread.stop()
            throw error
        }
    }

    /// Connects to the card in `reader`, runs `operation` with the connection and disconnects with
    /// `disposition` (also when `operation` throws; a disconnect that fails is not reported), all
    /// on one thread off the cooperative pool: the caller's task switches to it once and back once
    /// for the whole operation, where ``connect(reader:share:protocols:)`` and an operation under
    /// ``CardConnection/taskExecutor`` switch twice each way and start a thread. The way a card
    /// operation of the service runs.
    ///
    /// The thread is the context's, lent for the operation and kept for the next one; a task that
    /// `operation` starts inherits it as its preferred executor, so `operation` must not leave
    /// such a task running behind it.
    public func withConnection<T: Sendable>(
        reader: String,
        share: ShareMode = .shared,
        protocols: CardProtocols = .any,
        disconnecting disposition: CardDisposition,
        _ operation: (CardConnection) async throws -> T
    ) async throws -> T {
        let thread = idleThreads.withLock { $0.popLast() } ?? CardThread()
        defer { idleThreads.withLock { $0.append(thread) } }
        return try await withTaskExecutorPreference(thread) {
            try await connected(
                reader: reader, share: share, protocols: protocols, thread: thread, disposition: disposition,
                operation)
        }
    }

    /// ``withConnection(reader:share:protocols:disconnecting:_:)`` on its thread: `@concurrent`, so
    /// that it runs on the preferred executor whatever the caller's isolation.
    @concurrent
    private func connected<T: Sendable>(
        reader: String, share: ShareMode, protocols: CardProtocols, thread: CardThread,
        disposition: CardDisposition, _ operation: (CardConnection) async throws -> T
    ) async throws -> T {
        let connection = try connect(reader: reader, share: share, protocols: protocols, threading: .lent(thread))
        defer { try? connection.disconnect(disposition) }
        return try await operation(connection)
    }

    private func connect(
        reader: String, share: ShareMode, protocols: CardProtocols, threading: CardConnection.Threading
    ) throws(SmartCardError) -> CardConnection {
        let (card, active) = try withContext { context in
            var card: SCARDHANDLE = 0
            var active: DWORD = 0
            let rv = SCardConnect(context, reader, DWORD(share.rawValue), DWORD(protocols.rawValue), &card, &active)
            return (rv, (card, active))
        }
        return CardConnection(
            context: self, reader: reader, handle: card,
            activeProtocol: CardProtocols(rawValue: UInt32(active)), threading: threading)
    }
}
