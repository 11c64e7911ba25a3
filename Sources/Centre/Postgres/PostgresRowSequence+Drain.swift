import PostgresNIO

extension PostgresRowSequence {
    /// Reads a statement's answer to the end, so that its errors surface here and not in the next query.
    func drain() async throws {
        for try await _ in self {}
    }
}
