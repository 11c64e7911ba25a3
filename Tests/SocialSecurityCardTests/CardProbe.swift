import CardSimulator
import HexCoding
import SmartCard
import Synchronization

/// What a run of commands showed: the broken promises, and which status words came back (to see
/// that the inputs reached the code behind the parser).
struct Findings {
    var problems: [String] = []
    var statusWords: Set<UInt16> = []

    /// Sends `command` to `card` and checks what every answer must be: at least a status word and
    /// no data with an error. A `61xx` is followed by GET RESPONSE as a reader does, and must
    /// announce the bytes still to come (`00`: 256 or more), which GET RESPONSE then delivers.
    /// Returns the command's own status word and all the data it brought.
    @discardableResult
    mutating func exchange<Card: VirtualCard>(
        _ command: [UInt8],
        with card: inout Card
    ) -> (statusWord: UInt16, data: [UInt8])? {
        var answer = card.respond(to: command)
        guard let first = check(answer, to: command) else { return nil }
        var statusWord = first
        var data = Array(answer.dropLast(2))
        var announcements: [(statusWord: UInt16, offset: Int)] = []
        for _ in 0..<300 where statusWord >> 8 == 0x61 {
            announcements.append((statusWord, data.count))
            let getResponse: [UInt8] = [0x00, 0xC0, 0x00, 0x00, UInt8(statusWord & 0xFF)]
            let announced = statusWord & 0xFF == 0 ? 256 : Int(statusWord & 0xFF)
            answer = card.respond(to: getResponse)
            guard answer.count == announced + 2, let next = check(answer, to: getResponse) else {
                problems.append("\(command.trace) announced \(announced) bytes; GET RESPONSE gave \(answer.trace)")
                return (first, data)
            }
            statusWord = next
            data += answer.dropLast(2)
        }
        for (announcement, offset) in announcements where announcement & 0xFF != min(data.count - offset, 256) & 0xFF {
            problems.append(
                "\(command.trace): \(String(announcement, radix: 16)) with \(data.count - offset) bytes to come")
        }
        return (first, data)
    }

    private mutating func check(_ answer: [UInt8], to command: [UInt8]) -> UInt16? {
        guard answer.count >= 2 else {
            problems.append("\(command.trace) answered \(answer.trace)")
            return nil
        }
        let statusWord = UInt16(answer[answer.count - 2]) << 8 | UInt16(answer[answer.count - 1])
        statusWords.insert(statusWord)
        if statusWord != 0x9000, statusWord >> 8 != 0x61, answer.count != 2 {
            problems.append("\(command.trace) answered data with an error: \(answer.trace)")
        }
        return statusWord
    }
}

/// A simulated social security card under random commands, checking besides ``Findings``'s rules
/// that its image only changes when a command that writes succeeds, or when a wrong PIN costs a
/// try, and that every change is persisted before the answer.
struct CardProbe {
    private(set) var card: SimulatedSocialSecurityCard
    private let persisted: PersistedImage
    var findings = Findings()

    init(image: CardImage) {
        let persisted = PersistedImage()
        self.persisted = persisted
        card = SimulatedSocialSecurityCard(image: image) { persisted.store($0) }
    }

    /// A fresh card from `image`, as if the last one were pulled and another inserted.
    mutating func insert(_ image: CardImage) {
        let findings = findings
        self = CardProbe(image: image)
        self.findings = findings
    }

    /// The commands that may change the image when they succeed: VERIFY (resets the try counter),
    /// CHANGE PIN, PIN UNBLOCK/RELOAD, UPDATE RECORD/BINARY, APPLICATION and CARD BLOCK.
    static let writingCommands: Set<[UInt8]> = [
        [0x00, 0x20], [0x80, 0x5E], [0x84, 0x24], [0x04, 0xDC], [0x04, 0xD6], [0x84, 0x1E], [0x84, 0x16],
    ]

    @discardableResult
    mutating func send(_ command: [UInt8]) -> (statusWord: UInt16, data: [UInt8])? {
        let before = card.image
        let response = findings.exchange(command, with: &card)
        let after = card.image
        guard after != before else { return response }
        if persisted.latest != after { findings.problems.append("\(command.trace) changed the image unsaved") }
        if let response, !Self.mayChange(before, to: after, command: command, statusWord: response.statusWord) {
            findings.problems.append(
                "\(command.trace) answered \(String(response.statusWord, radix: 16)) and changed the image")
        }
        return response
    }

    /// A wrong PIN in VERIFY or CHANGE PIN costs one try and says how many are left (`63Cx`, or
    /// `6983` for the last); otherwise only a writing command's `9000` changes the image.
    static func mayChange(_ before: CardImage, to after: CardImage, command: [UInt8], statusWord: UInt16) -> Bool {
        guard let apdu = try? CommandAPDU(bytes: command) else { return false }
        if statusWord == 0x9000 { return writingCommands.contains([apdu.cla, apdu.ins]) }
        guard [[0x00, 0x20], [0x80, 0x5E]].contains([apdu.cla, apdu.ins]) else { return false }
        var expected = before
        expected.pinTriesLeft -= 1
        let triesLeft = expected.pinTriesLeft
        return after == expected && statusWord == (triesLeft == 0 ? 0x6983 : 0x63C0 | UInt16(triesLeft))
    }
}

/// The image a simulated card last persisted, written from its persist callback.
final class PersistedImage: Sendable {
    private let image = Mutex<CardImage?>(nil)

    func store(_ new: CardImage) { image.withLock { $0 = new } }
    var latest: CardImage? { image.withLock { $0 } }
}

extension Array<UInt8> {
    /// The first 24 bytes in hex, and the length when there are more: enough to recognise a command.
    var trace: String { count > 24 ? "\(prefix(24).hexString) .. (\(count) bytes)" : hexString }
}
