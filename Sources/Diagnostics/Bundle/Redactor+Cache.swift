import KioskCore

extension Redactor {
    /// A redactor that also removes every resident's and staff member's name held in the cache at
    /// `path`, as the store reads them (`read`, read-only). A cache that cannot be read adds no
    /// names: the bundle still masks ID numbers and secrets, and its diagnostics say what is wrong
    /// with the cache.
    public static func removingNames(
        inCache path: String?, read: @escaping @Sendable (String) throws(CacheFileError) -> [String]
    ) async -> Redactor {
        guard let path else { return Redactor(names: []) }
        return Redactor(names: await BlockingWork.run { (try? read(path)) ?? [] })
    }
}
