import Foundation

/// Who runs diagnostics: permission checks say which user they tested, and whether it is in the
/// service's group.
struct UserIdentity: Sendable {
    var name: String
    var uid: uid_t
    var inServiceGroup: Bool

    static func current(serviceGroup: String) -> Self {
        let uid = getuid()
        let name = getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let filled = getgroups(count, &groups)
        let member = getgrnam(serviceGroup).map { group in
            let gid = group.pointee.gr_gid
            return getgid() == gid || groups.prefix(Int(max(filled, 0))).contains(gid)
        }
        return Self(name: name, uid: uid, inServiceGroup: member ?? false)
    }
}
