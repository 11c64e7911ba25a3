import GRDB

extension Redactor {
    /// A redactor that also removes every resident's and staff member's name held in the cache at
    /// `path` (opened read-only). A cache that cannot be read adds no names: the bundle still
    /// masks ID numbers and secrets, and its diagnostics say what is wrong with the cache.
    public static func removingNames(inCache path: String?) async -> Redactor {
        guard let path else { return Redactor(names: []) }
        let names = await BlockingWork.run { () -> [String] in
            var configuration = Configuration()
            configuration.readonly = true
            guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return [] }
            return
                (try? queue.read { db in
                    var names: [String] = []
                    for table in ["person", "staff"] {
                        if try db.tableExists(table) {
                            names += try String.fetchAll(db, sql: "SELECT name FROM \(table)")
                        }
                    }
                    return names
                }) ?? []
        }
        return Redactor(names: names)
    }
}
