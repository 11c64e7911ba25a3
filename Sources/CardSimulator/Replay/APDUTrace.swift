import Foundation
import HexCoding

/// A recorded conversation with a real card, kept as text so its source can be read beside it.
///
/// The format, one item per line (`#` starts a comment):
/// - `source: …`, `licence: …`, `note: …`: where the trace comes from, free text;
/// - `atr: HEX`: the answer to reset a PC/SC reader reports for the card;
/// - `> HEX` then `< HEX`: a command and the card's whole answer, status word included;
/// - `key NAME factor HEX original HEX answer HEX`: what the recorded key holder (an HSM or PSAM)
///   answered for an authentication cryptogram under the key `NAME`;
/// - `expect FIELD VALUE`: what a read of the card must find (`cardNumber`, `specVersion`, …).
public struct APDUTrace: Sendable {
    /// One command and the card's answer to it.
    public struct Exchange: Hashable, Sendable {
        public var command: [UInt8]
        public var response: [UInt8]
    }

    /// A key holder's recorded answer: E(E(K, factor), original) under the key `key`.
    public struct KeyAnswer: Hashable, Sendable {
        public var key: String
        public var factor: [UInt8]
        public var original: [UInt8]
        public var answer: [UInt8]
    }

    public var source: String
    public var atr: [UInt8]
    public var exchanges: [Exchange]
    public var keyAnswers: [KeyAnswer]
    /// Field name to the value a read must find.
    public var expectations: [String: String]

    public init(contentsOf url: URL) throws(APDUTraceError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw APDUTraceError(line: 0, "the trace \(url.lastPathComponent) cannot be read")
        }
        try self.init(parsing: text)
    }

    public init(parsing text: String) throws(APDUTraceError) {
        source = ""
        atr = []
        exchanges = []
        keyAnswers = []
        expectations = [:]
        var pendingCommand: (line: Int, bytes: [UInt8])?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let words = line.split(separator: " ").map(String.init)
            if line.hasPrefix(">") {
                if let pendingCommand { throw APDUTraceError(line: pendingCommand.line, "a command has no answer") }
                pendingCommand = (number, try Self.hex(String(line.dropFirst()), line: number))
            } else if line.hasPrefix("<") {
                guard let command = pendingCommand else {
                    throw APDUTraceError(line: number, "an answer has no command")
                }
                let response = try Self.hex(String(line.dropFirst()), line: number)
                guard response.count >= 2 else { throw APDUTraceError(line: number, "an answer needs a status word") }
                exchanges.append(Exchange(command: command.bytes, response: response))
                pendingCommand = nil
            } else if words.first == "key", words.count == 8, words[2] == "factor", words[4] == "original",
                words[6] == "answer"
            {
                keyAnswers.append(
                    KeyAnswer(
                        key: words[1], factor: try Self.hex(words[3], line: number),
                        original: try Self.hex(words[5], line: number), answer: try Self.hex(words[7], line: number)))
            } else if words.first == "expect", words.count >= 3 {
                expectations[words[1]] = words.dropFirst(2).joined(separator: " ")
            } else if let colon = line.firstIndex(of: ":") {
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch line[..<colon] {
                case "atr": atr = try Self.hex(value, line: number)
                case "source": source = value
                case "licence", "note": break
                default: throw APDUTraceError(line: number, "\"\(line[..<colon])\" is not a trace field")
                }
            } else {
                throw APDUTraceError(line: number, "the line is neither a command, an answer nor a field")
            }
        }
        if let pendingCommand { throw APDUTraceError(line: pendingCommand.line, "a command has no answer") }
        guard !atr.isEmpty else { throw APDUTraceError(line: 0, "the trace gives no atr") }
    }

    private static func hex(_ text: String, line: Int) throws(APDUTraceError) -> [UInt8] {
        guard let bytes = [UInt8](hex: text.filter { !$0.isWhitespace }), !bytes.isEmpty else {
            throw APDUTraceError(line: line, "\"\(text)\" is not hex")
        }
        return bytes
    }
}
