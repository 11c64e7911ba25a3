import Hummingbird
import KioskCore
import Vocabulary

/// A list of contributions as JSON, written straight into a buffer: the document
/// `JSONBody.encoder` makes of `[Contribution]` (keys sorted, months as "YYYY-MM", ID numbers
/// masked as ``IDNumberMasking`` masks them), for a small part of its cost. A person's history is a few hundred months, and Foundation's encoder spent
/// about a millisecond of CPU on each list, several times the query itself.
enum ContributionsJSON {
    static func encode(_ contributions: [Contribution]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(2 + contributions.count * 160)
        buffer.writeStaticString("[")
        // A list is one person's: their number is masked once.
        var number = (full: "", masked: "")
        for (index, contribution) in contributions.enumerated() {
            if number.full != contribution.idNumber {
                number = (contribution.idNumber, MaskedIDNumber(contribution.idNumber).text)
            }
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeStaticString("{\"baseFen\":")
            buffer.writeString(String(contribution.baseFen))
            buffer.writeStaticString(",\"employerFen\":")
            buffer.writeString(String(contribution.employerFen))
            buffer.writeStaticString(",\"idNumber\":")
            writeString(number.masked, to: &buffer)
            buffer.writeStaticString(",\"insurance\":")
            writeString(contribution.insurance.rawValue, to: &buffer)
            buffer.writeStaticString(",\"month\":")
            writeString(contribution.month.description, to: &buffer)
            buffer.writeStaticString(contribution.paid ? ",\"paid\":true" : ",\"paid\":false")
            buffer.writeStaticString(",\"personalFen\":")
            buffer.writeString(String(contribution.personalFen))
            buffer.writeStaticString("}")
        }
        buffer.writeStaticString("]")
        return buffer
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped (RFC 8259, section 7).
    private static func writeString(_ text: String, to buffer: inout ByteBuffer) {
        buffer.writeStaticString("\"")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case 0x0A: buffer.writeStaticString("\\n")
            case 0x0D: buffer.writeStaticString("\\r")
            case 0x09: buffer.writeStaticString("\\t")
            case 0..<0x20:
                buffer.writeStaticString("\\u00")
                buffer.writeInteger(hex[Int(byte >> 4)])
                buffer.writeInteger(hex[Int(byte & 0x0F)])
            default: buffer.writeInteger(byte)
            }
        }
        buffer.writeStaticString("\"")
    }
}
