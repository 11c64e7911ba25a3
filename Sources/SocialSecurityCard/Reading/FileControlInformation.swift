import SmartCard

/// The parts of a directory's FCI the terminal needs.
enum FileControlInformation {
    /// Tag 86 (the cipher algorithm) wherever the card puts it: in the FCI template 6F, its
    /// proprietary A5, or, as real third-generation cards do, inside the value of 9F0C within A5.
    static func algorithm(in fci: [UInt8]) -> UInt8? {
        guard let objects = try? BERTLV.parse(fci), let cipher = BERTLV.first(0x86, in: objects),
            cipher.value.count == 1
        else { return nil }
        return cipher.value[0]
    }
}
