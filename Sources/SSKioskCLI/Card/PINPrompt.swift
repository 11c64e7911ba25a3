import Glibc
import Secrets
import SocialSecurityCard

/// Reads a PIN with echo off as ``HiddenLine`` does, but not into a `String`: the line is read a
/// byte at a time with read(2) into a buffer of its own that is wiped after, so no stdio buffer,
/// `String` or growing array keeps the digits, and a second prompt reads the next line, not what
/// stdio read ahead.
enum PINPrompt {
    /// The longest line kept; a longer one is no PIN, and is refused without being kept whole.
    private static let capacity = 32

    static func read(_ prompt: String, length: Int) throws -> PIN {
        try HiddenLine.withEchoOff(prompt) { try readLine(length: length) }
    }

    private static func readLine(length: Int) throws -> PIN {
        let line = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer {
            line.wipe()
            line.deallocate()
        }
        var count = 0
        var ended = false
        while count <= capacity {
            var byte: UInt8 = 0
            let got = Glibc.read(STDIN_FILENO, &byte, 1)
            if got < 0 && errno == EINTR { continue }
            guard got == 1, byte != UInt8(ascii: "\n") else {
                ended = got == 1 || count > 0
                break
            }
            if count < capacity { line[count] = byte }
            count += 1
        }
        guard ended, count <= capacity else { throw SocialSecurityCardError.invalidPIN(length: length) }
        if count > 0, line[count - 1] == UInt8(ascii: "\r") { count -= 1 }
        return try PIN(asciiDigits: UnsafeRawBufferPointer(rebasing: line[..<count]), length: length)
    }
}
