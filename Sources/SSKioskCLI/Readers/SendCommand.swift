import ArgumentParser
import HexCoding
import SmartCard

/// Sends APDUs given in hex to a card and prints each response with the meaning of its status word.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send command APDUs (hex) to a card.",
        discussion: "Example: sskiosk send '00 A4 00 0C 02 3F 00' '00 84 00 00 08'"
    )

    @OptionGroup var readerOptions: ReaderOptions

    @Flag(help: "Do not follow 61xx with GET RESPONSE or correct Le on 6Cxx; show the card's answers as they are.")
    var raw = false

    @Flag(help: "Hold the card exclusively (no other program may use it meanwhile).")
    var exclusive = false

    @Argument(help: "Command APDUs in hex; spaces are allowed inside each.")
    var apdus: [String]

    func validate() throws {
        for text in apdus {
            guard let bytes = [UInt8](hex: text) else {
                throw ValidationError("'\(text)' is not hex (an even number of 0-9/A-F digits).")
            }
            _ = try CommandAPDU(bytes: bytes)
        }
    }

    func run() async throws {
        let context = try PCSCContext()
        // The APDUs may have verified a PIN or authenticated: nothing stays open after the command.
        try await readerOptions.withConnection(
            context, share: exclusive ? .exclusive : .shared, disconnecting: .reset
        ) { card in
            for text in apdus {
                let command = try CommandAPDU(bytes: [UInt8](hex: text)!)
                print("> \(try command.encoded().hexString)")
                let response =
                    raw
                    ? try ResponseAPDU(bytes: try await card.transmitRaw(command.encoded()))
                    : try await card.transmit(command)
                if !response.data.isEmpty { print("< \(response.data.hexString)") }
                print("< \(response.statusWord)")
            }
        }
    }
}
