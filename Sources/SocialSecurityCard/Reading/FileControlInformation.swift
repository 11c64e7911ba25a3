/// The parts of a directory's FCI the terminal needs.
enum FileControlInformation {
    /// Tag 86 (the cipher algorithm) anywhere inside the FCI template 6F and its proprietary A5.
    static func algorithm(in fci: [UInt8]) -> UInt8? {
        guard let items = try? TLV.parse(record: fci) else { return nil }
        for item in items {
            switch item.tag {
            case 0x86 where item.value.count == 1: return item.value[0]
            case 0x6F, 0xA5: if let found = algorithm(in: item.value) { return found }
            default: continue
            }
        }
        return nil
    }
}
