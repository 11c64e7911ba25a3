/// A response APDU: the data field and the status word that ends it.
public struct ResponseAPDU: Hashable, Sendable {
    public var data: [UInt8]
    public var statusWord: StatusWord

    public init(data: [UInt8] = [], statusWord: StatusWord) {
        self.data = data
        self.statusWord = statusWord
    }

    /// Parses a response as received from the reader: at least the two status bytes.
    public init(bytes: some Collection<UInt8>) throws(SmartCardError) {
        let b = Array(bytes)
        guard b.count >= 2 else {
            throw .malformedResponse("\(b.count) byte(s) received, at least 2 (the status word) expected")
        }
        self.init(data: Array(b[..<(b.count - 2)]), statusWord: StatusWord(sw1: b[b.count - 2], sw2: b[b.count - 1]))
    }

    /// The bytes as a card sends them.
    public var encoded: [UInt8] { data + [statusWord.sw1, statusWord.sw2] }
}
