/// Runs `body`, then `cleanup` whether `body` returned or threw: a `defer` for a cleanup that
/// awaits (stopping a child process, dropping a database). Throws what `body` threw, or else what
/// `cleanup` threw.
package func withCleanup<T>(_ body: () async throws -> T, cleanup: () async throws -> Void) async throws -> T {
    let result: Result<T, any Error>
    do {
        result = .success(try await body())
    } catch {
        result = .failure(error)
    }
    do {
        try await cleanup()
    } catch {
        _ = try result.get()
        throw error
    }
    return try result.get()
}
