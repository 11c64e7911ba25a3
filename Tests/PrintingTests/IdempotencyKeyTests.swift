import Testing

@testable import Printing

@Suite struct IdempotencyKeyTests {
    @Test func acceptsAnOutboxStyleKey() throws {
        let key = try IdempotencyKey("t0042-000123:20261123T101500.proof_1")
        #expect(key.rawValue == "t0042-000123:20261123T101500.proof_1")
        #expect(key.description == key.rawValue)
    }

    @Test(arguments: ["", "has space", "参保证明", "semi;colon", "slash/ed", "new\nline"])
    func rejectsWhatCannotBeAJobName(_ text: String) {
        #expect(throws: PrintingError.invalidKey("")) { try IdempotencyKey(text) }
    }

    @Test func boundsTheLength() throws {
        _ = try IdempotencyKey(String(repeating: "k", count: IdempotencyKey.maximumLength))
        let error = #expect(throws: PrintingError.self) {
            try IdempotencyKey(String(repeating: "k", count: IdempotencyKey.maximumLength + 1))
        }
        #expect(error?.message.contains("\(IdempotencyKey.maximumLength)") == true)
    }
}
