import Crypto
import Foundation
import HexCoding

/// A terminal's bearer token: 32 random bytes as hex, shown once at registration. The centre keeps
/// only its SHA-256, so a copy of the centre's database does not let anyone pose as a terminal.
public enum TerminalToken {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    public static func hash(_ token: String) -> String { hex(SHA256.hash(data: Data(token.utf8))) }

    /// Lower-case, as the tokens handed out so far and the hashes kept of them are written.
    private static func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.compactHexString.lowercased() }
}
