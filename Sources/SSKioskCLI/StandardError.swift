import Glibc

/// Writes to standard error, which Swift 6 cannot reach through the global `stderr`.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
