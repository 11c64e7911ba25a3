extension String {
    /// Each character's ASCII byte, 0x80 for one that is not ASCII: for numbers that must be ASCII
    /// letters and digits, counted and checked by character. Almost every such number is ASCII,
    /// where each byte is one character, and then no grapheme breaking is done.
    var asciiCharacters: [UInt8] {
        utf8.allSatisfy { $0 < 0x80 } ? Array(utf8) : map { $0.asciiValue ?? 0x80 }
    }
}
