import Glibc

/// A line typed with echo off at the terminal, or read from standard input when that is not a
/// terminal (tests, pipes): how secrets reach the command line tools, never through arguments,
/// where `ps` would show them.
enum HiddenLine {
    /// Whether a person is typing (prompts are shown and confirmations asked).
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Runs `body`, which reads standard input, with echo off after `prompt` when a person is typing.
    static func withEchoOff<T: ~Copyable>(_ prompt: String, _ body: () throws -> T) rethrows -> T {
        let interactive = isInteractive
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
        return try body()
    }

    /// The next line without its newline, after `prompt` when a person is typing; nil at the end of input.
    static func read(_ prompt: String) -> String? {
        withEchoOff(prompt) { readLine(strippingNewline: true) }
    }
}
