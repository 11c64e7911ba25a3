import Hummingbird
import SmartCard
import SocialSecurityCard
import Testing

@testable import KioskServer

/// A PIN goes from the request's bytes to a ``PIN`` without a `String`, and the body is zeroed after.
@Suite("PINBody: PINs read from the body's bytes")
struct PINBodyTests {
    /// The BCD a PIN field became, as the VERIFY built from it carries it.
    static func bcd(_ json: String, field: String = "pin") throws -> [UInt8] {
        let body = try PINBody(json: ByteBuffer(string: json))
        let command = CommandAPDU.verify(pin: try body.pin(field, length: 6))
        return command.data
    }

    @Test("the PIN field becomes BCD; other fields are JSON strings, null or absent")
    func wellFormed() throws {
        #expect(try Self.bcd(#"{"pin":"123456"}"#) == [0x12, 0x34, 0x56])
        #expect(try Self.bcd(" {\n\t\"card\" : null , \"pin\" : \"098765\" }\r\n") == [0x09, 0x87, 0x65])
        let body = try PINBody(json: ByteBuffer(string: #"{"pin":"123456","card":"c-\u0031\/2","ethnicity":null}"#))
        #expect(try body.string("card") == "c-1/2")
        #expect(try body.string("ethnicity") == nil)
        #expect(try body.string("absent") == nil)
        #expect(try PINBody(json: ByteBuffer(string: "{}")).string("pin") == nil)
    }

    @Test(
        "anything but one object of strings and nulls is a malformed body",
        arguments: [
            "", "[]", #""123456""#, #"{"pin":123456}"#, #"{"pin":"123456""#, #"{"pin":"123456"} x"#,
            #"{"pin":"123456","pin":"654321"}"#, #"{"pin" "123456"}"#, #"{"pin":"123456",}"#, "{\"pin\":\"12\n3456\"}",
            #"{"pin":true}"#, #"{"pin":{"digits":"123456"}}"#, #"{"pin":"123456\"#, #"{"pin":nul}"#,
        ])
    func malformed(json: String) {
        let error = #expect(throws: APIError.self) { _ = try PINBody(json: ByteBuffer(string: json)) }
        #expect(error?.code == "malformed-body")
    }

    @Test("a missing or null PIN is a malformed body")
    func missingPIN() throws {
        for json in [#"{"card":"c-1"}"#, #"{"pin":null}"#] {
            let body = try PINBody(json: ByteBuffer(string: json))
            let error = #expect(throws: APIError.self) { _ = try body.pin("pin", length: 6) }
            #expect(error?.code == "malformed-body")
        }
    }

    @Test(
        "a PIN that is not six ASCII digits is refused as invalid-pin, and the answer does not repeat it",
        arguments: ["12345", "1234567", "12a456", #"12345\u0036"#, "12 456", "１２３４５６", "-12345"])
    func notAPIN(pin: String) throws {
        let body = try PINBody(json: ByteBuffer(string: #"{"pin":"\#(pin)"}"#))
        let error = #expect(throws: SocialSecurityCardError.invalidPIN(length: 6)) {
            _ = try body.pin("pin", length: 6)
        }
        let answer = try #require(error.map { APIError($0) })
        #expect(answer.code == "invalid-pin" && answer.status == .unprocessableContent)
        for text in [answer.message, answer.messageChinese, error?.message ?? ""] {
            #expect(!text.contains(pin) && !text.contains("12345"), "\(text)")
        }
    }

    @Test("the body's bytes are zeroed where they lie once the PINs are taken, and when it is refused")
    func bodyIsWiped() throws {
        let received = ByteBuffer(string: #"{"pin":"123456","card":"c-1"}"#)
        do {
            let body = try PINBody(json: received)
            #expect(CommandAPDU.verify(pin: try body.pin("pin", length: 6)).data == [0x12, 0x34, 0x56])
        }
        #expect(received.readableBytes > 0 && received.readableBytesView.allSatisfy { $0 == 0 })

        let refused = ByteBuffer(string: #"{"pin":"123456","pin":"123456"}"#)
        #expect(throws: APIError.self) { _ = try PINBody(json: refused) }
        #expect(refused.readableBytesView.allSatisfy { $0 == 0 })
    }
}
