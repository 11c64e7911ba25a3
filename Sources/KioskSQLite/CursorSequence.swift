import GRDB

/// A GRDB cursor as a plain `Sequence`, for code such as ``KioskCore/LedgerVerifier`` that takes
/// one. A sequence cannot throw, so the first read error ends it and waits in ``error`` for the
/// caller to throw once the consumer is done.
final class CursorSequence<Base: Cursor>: Sequence, IteratorProtocol {
    private let base: Base
    private(set) var error: (any Error)?

    init(_ base: Base) { self.base = base }

    func next() -> Base.Element? {
        guard error == nil else { return nil }
        do {
            return try base.next()
        } catch {
            self.error = error
            return nil
        }
    }
}
