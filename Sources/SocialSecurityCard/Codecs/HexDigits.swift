extension Collection<UInt8> {
    /// Upper-case hex, two digits a byte, no separators: `D156000005`.
    var hexDigits: String {
        map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }
}
