import Foundation
import Hummingbird
import KioskCore
import Testing
import Vocabulary

@testable import KioskServer

/// `ContributionsJSON` writes by hand what `JSONBody` made of `[Contribution]`, ID numbers masked:
/// the answer must decode to the same list and be the same JSON document, key for key.
@Suite struct ContributionsJSONTests {
    /// Every insurance, paid and unpaid, large and negative amounts, and ID numbers with every kind
    /// of character a JSON string must escape (synthetic: the writer escapes whatever the cache holds).
    static let contributions: [Contribution] = {
        let idNumbers = [
            "430102198507141238", "11010519491231002X", "quote\"back\\slash", "tab\tnew\nline\r\u{01}\u{1F}", "张三/é",
        ]
        return InsuranceType.allCases.enumerated().flatMap { offset, insurance in
            idNumbers.enumerated().map { index, idNumber in
                Contribution(
                    idNumber: idNumber, insurance: insurance, month: YearMonth(index: 2024 * 12 + offset * 7 + index),
                    baseFen: Int64(offset) * 1_000_003 - Int64(index), personalFen: Int64.max - Int64(index),
                    employerFen: Int64.min + Int64(offset), paid: (offset + index) % 2 == 0)
            }
        }
    }()

    @Test func decodesToTheSameContributions() throws {
        let json = Data(buffer: ContributionsJSON.encode(Self.contributions))
        #expect(try JSONBody.decoder.decode([Contribution].self, from: json) == Self.contributions.masked)
        #expect(!String(decoding: json, as: UTF8.self).contains("430102198507141238"))
    }

    @Test func isTheDocumentTheEncoderMakes() throws {
        let written = try JSONSerialization.jsonObject(with: Data(buffer: ContributionsJSON.encode(Self.contributions)))
        let encoded = try JSONSerialization.jsonObject(with: try JSONBody.encoder.encode(Self.contributions.masked))
        let writtenObjects = try #require(written as? [[String: AnyHashable]])
        let encodedObjects = try #require(encoded as? [[String: AnyHashable]])
        #expect(writtenObjects.count == Self.contributions.count)
        #expect(writtenObjects == encodedObjects)
    }

    @Test func emptyListIsAnEmptyArray() throws {
        #expect(
            String(buffer: ContributionsJSON.encode([]))
                == String(decoding: try JSONBody.encoder.encode([Contribution]()), as: UTF8.self))
    }
}
