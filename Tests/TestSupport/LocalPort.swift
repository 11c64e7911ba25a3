import Foundation
import Synchronization

/// TCP ports on 127.0.0.1, for the servers tests start.
package enum LocalPort {
    /// The ports ``free()`` has given this process. The kernel may pick a port again as soon as it is
    /// let go, and tests that run at once each start their server some time after asking: without
    /// this, two of them could be given the same port, and one test would then talk to the other's
    /// server.
    private static let given = Mutex(Set<Int>())

    /// A port nothing listens on now and that no other test of this process has been given.
    package static func free() throws -> Int {
        while true {
            let port = try kernelPick()
            if given.withLock({ $0.insert(port).inserted }) { return port }
        }
    }

    /// A port the kernel picks: bound to port 0, read back, let go.
    private static func kernelPick() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.noFreePort(String(cString: strerror(errno))) }
        defer { close(fd) }
        var address = address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw TestSupportError.noFreePort(String(cString: strerror(errno))) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on `port`.
    package static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withUnsafePointer(to: address(port: port)) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return address
    }
}
