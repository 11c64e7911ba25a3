import Foundation

/// Which processes hold files open, from /proc: a restore must not replace a database under a
/// centre that still serves from it (its `-shm` stays mapped while it runs).
enum OpenFiles {
    /// The ids of the processes, other than this one, with any of `paths` open.
    static func holders(of paths: [String]) -> [Int32] {
        let wanted = Set(paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        let me = ProcessInfo.processInfo.processIdentifier
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.compactMap(Int32.init).filter { pid in
            guard pid != me else { return false }
            let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
            return descriptors.contains { descriptor in
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(descriptor)")
                return target.map(wanted.contains) ?? false
            }
        }.sorted()
    }
}
