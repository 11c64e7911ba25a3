import Secrets

/// libpq's password file (`.pgpass`, `PGPASSFILE`, `passfile=`): lines of
/// `hostname:port:database:username:password`, `*` matching anything in the first four fields, `\`
/// escaping a `:` or a `\`, `#` starting a comment; the first line that matches gives the password.
///
/// The centre reads it only when private to its owner (``SecretFile``, as libpq ignores a file that
/// group or others can read), so that the password stays off the command line and out of `ps`.
enum PostgresPassfile {
    /// The password in the file at `path` for this server, database and user, nil if no line matches.
    static func password(in path: String, host: String, port: Int, database: String, user: String) throws
        -> String?
    {
        try SecretFile.withContents(of: path) {
            password(in: $0, host: host, port: port, database: database, user: user)
        }
    }

    /// The password in a password file's content `bytes`; nil if no line matches.
    static func password(in bytes: [UInt8], host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user].map { Array($0.utf8) }
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard line.first != UInt8(ascii: "#") else { continue }
            var fields: [[UInt8]] = [[]]
            var escaped = false
            for byte in line.last == UInt8(ascii: "\r") ? line.dropLast() : line {
                if escaped {
                    fields[fields.count - 1].append(byte)
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: ":") && fields.count < 5 {
                    guard fields.count < 4 || zip(fields, wanted).allSatisfy({ $0 == [UInt8(ascii: "*")] || $0 == $1 })
                    else { break }
                    fields.append([])
                } else {
                    fields[fields.count - 1].append(byte)
                }
            }
            guard fields.count == 5 else { continue }
            defer { fields[4].wipe() }
            return String(decoding: fields[4], as: UTF8.self)
        }
        return nil
    }
}
