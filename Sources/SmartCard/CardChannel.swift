import Secrets

/// Anything that carries APDUs to a card: a PC/SC connection, or an in-process simulated card
/// in fast unit tests.
public protocol CardChannel: Sendable {
    /// Sends one command's bytes and returns the card's answer, uninterpreted.
    func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8]
}

extension CardChannel {
    /// Sends `command` and returns the complete response.
    ///
    /// Handles what ISO 7816-4 leaves to the terminal: `61xx` is followed by GET RESPONSE,
    /// repeatedly, with the data concatenated; `6Cxx` resends the command with Le = xx.
    public func transmit(_ command: CommandAPDU) async throws(SmartCardError) -> ResponseAPDU {
        try await transmit(command, wiping: false)
    }

    /// Sends `command`, whose data is a secret (a PIN), as ``transmit(_:)`` does, and zeroes the
    /// bytes it was encoded into once they are sent, whatever the card answered: all but the
    /// four-byte header, so that a record of the commands still shows which command went, not what
    /// it carried. The command's own data is its builder's to wipe.
    public func transmit(secret command: CommandAPDU) async throws(SmartCardError) -> ResponseAPDU {
        try await transmit(command, wiping: true)
    }

    private func transmit(_ command: CommandAPDU, wiping: Bool) async throws(SmartCardError) -> ResponseAPDU {
        var response = try ResponseAPDU(bytes: try await send(command, wiping: wiping))
        if case .wrongLeExactLength(let length) = response.statusWord.meaning {
            var corrected = command
            corrected.expectedLength = length
            response = try ResponseAPDU(bytes: try await send(corrected, wiping: wiping))
        }
        var data = response.data
        var rounds = 0
        while case .moreDataAvailable(let length) = response.statusWord.meaning {
            rounds += 1
            guard rounds <= Self.maximumGetResponseRounds else { throw .responseChainTooLong }
            let getResponse = CommandAPDU.getResponse(cla: command.cla & 0x03, length: length)
            response = try ResponseAPDU(bytes: try await transmitRaw(getResponse.encoded()))
            data += response.data
        }
        return ResponseAPDU(data: data, statusWord: response.statusWord)
    }

    /// Encodes and sends `command`; `wiping`, zeroes the encoding after its header once sent.
    private func send(_ command: CommandAPDU, wiping: Bool) async throws(SmartCardError) -> [UInt8] {
        let bytes = try command.encoded()
        defer { if wiping { bytes.wipe(from: 4) } }
        return try await transmitRaw(bytes)
    }
}

extension CardChannel {
    /// A bound on GET RESPONSE rounds: 64 KiB in 256-byte pieces, so a faulty card cannot loop forever.
    static var maximumGetResponseRounds: Int { 257 }
}
