import Glibc
import SocialSecurityCard

/// Reads a PIN from the terminal with echo off, or from standard input when that is not a
/// terminal (tests, pipes). Never from the command line, where `ps` would show it.
enum PINPrompt {
    static func read(_ prompt: String, length: Int) throws -> PIN {
        let interactive = isatty(STDIN_FILENO) == 1
        var saved = termios()
        if interactive {
            StandardError.write(prompt)
            tcgetattr(STDIN_FILENO, &saved)
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        }
        defer {
            if interactive {
                tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                StandardError.write("\n")
            }
        }
        guard let line = readLine(strippingNewline: true) else {
            throw SocialSecurityCardError.invalidPIN(length: length)
        }
        return try PIN(digits: line, length: length)
    }
}
