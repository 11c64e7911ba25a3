import CardCrypto
import CardSimulator
import CardTestSupport
import HexCoding
import SmartCard
import SocialSecurityCard
import TestSupport
import Testing

/// Properties of everything that parses bytes from the other side: TLV records and the FCI from a
/// card, command APDUs in the simulated card and PSAM, and the session reading a card whose records
/// are garbage. On any input, malformed lengths and truncations included, each fails with a clear
/// error or status word and never traps. Inputs come from seeded generators: every run checks the
/// same few thousand cases, and a failure reproduces from its seed.
@Suite struct ParserPropertyTests {
    // MARK: TLV records

    /// The errors a record parser may give; anything else means a check is missing.
    static let recordErrors: Set<CardDataError> = [
        .recordTruncated(offset: 0), .recordLengthOverrun(tag: 0, length: 0, available: 0),
        .unsupportedLengthForm(tag: 0, lengthByte: 0),
    ]

    /// Random bytes, half of them the values a length byte decides on.
    static func recordLikeBytes(_ generator: inout SeededGenerator) -> [UInt8] {
        let lengthBytes: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0x7F, 0x80, 0x81, 0x82, 0xFF]
        return (0..<generator.int(0...40)).map { _ in generator.byte(favouring: lengthBytes) }
    }

    /// Up to six items with random tags, mostly short values, some at the edges of the length forms.
    static func randomItems(_ generator: inout SeededGenerator, count: ClosedRange<Int> = 0...6) -> [TLV] {
        (0..<generator.int(count)).map { _ in
            let length = [0, 1, 0x7F, 0x80, 0xFF, generator.int(0...30), generator.int(0...0xFF)].randomElement(
                using: &generator)!
            return TLV(tag: UInt8.random(in: 0...255, using: &generator), value: generator.bytes(length))
        }
    }

    @Test func randomRecordsParseOrFailWithARecordError() throws {
        var generator = SeededGenerator(seed: 0x7_1001)
        var parsed = 0
        var refused = 0
        var problems: [String] = []
        for _ in 0..<5000 {
            let record = Self.recordLikeBytes(&generator)
            let items: [TLV]
            do {
                items = try TLV.parse(record: record)
            } catch {
                refused += 1
                if !Self.recordErrors.contains(error) || error.message.isEmpty { problems.append(record.hexString) }
                continue
            }
            parsed += 1
            // Parsing normalises: 81 LL with LL < 80 re-encodes shorter; without any 81 byte the
            // record was canonical and re-encodes to itself.
            let reencoded = try TLV.encode(items)
            if try TLV.parse(record: reencoded) != items || reencoded.count > record.count
                || (!record.contains(0x81) && reencoded != record)
            {
                problems.append(record.hexString)
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(parsed > 100)
        #expect(refused > 2000)
    }

    @Test func canonicalRecordsRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x7_1002)
        for _ in 0..<3000 {
            let items = Self.randomItems(&generator)
            let record = try TLV.encode(items)
            let parsed = try TLV.parse(record: record)
            #expect(parsed == items)
            #expect(try TLV.encode(parsed) == record)
        }
    }

    /// A record cut anywhere: at an item boundary the items before the cut, inside a header
    /// `recordTruncated`, inside a value `recordLengthOverrun` naming the item.
    @Test func truncatedRecordsFailWhereTheyAreCut() throws {
        var generator = SeededGenerator(seed: 0x7_1003)
        var problems: [String] = []
        for _ in 0..<3000 {
            let items = Self.randomItems(&generator, count: 1...6)
            let record = try TLV.encode(items)
            let cut = generator.int(0...record.count - 1)
            let result = Result { () throws(CardDataError) in try TLV.parse(record: record.prefix(cut)) }
            var start = 0
            for (index, item) in items.enumerated() {
                let size = try item.encoded().count
                let header = size - item.value.count
                let expectation: (Result<[TLV], CardDataError>, message: String)? =
                    if cut == start {
                        (.success(Array(items.prefix(index))), "")
                    } else if cut < start + header {
                        (.failure(.recordTruncated(offset: start)), "header at byte \(start).")
                    } else if cut < start + size {
                        (
                            .failure(.recordLengthOverrun(tag: item.tag, length: item.value.count, available: 0)),
                            "Item \(item.tag.hexByte) of a record from the card announces \(item.value.count) bytes "
                                + "but only \(cut - start - header) follow."
                        )
                    } else {
                        nil
                    }
                if let (expected, message) = expectation {
                    if result != expected { problems.append("\(record.hexString) cut at \(cut): \(result)") }
                    if case .failure(let error) = result, !error.message.contains(message) {
                        problems.append("\(record.hexString) cut at \(cut): \(error.message)")
                    }
                    break
                }
                start += size
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
    }

    /// A changed length byte: a reserved form or a length past the end is refused for exactly that
    /// item; any other value parses the items before it unchanged, or fails with a record error.
    @Test func changedLengthBytesFailClearly() throws {
        var generator = SeededGenerator(seed: 0x7_1004)
        var problems: [String] = []
        var exact = 0
        for _ in 0..<3000 {
            let items = Self.randomItems(&generator, count: 1...6)
            let index = generator.int(0...items.count - 1)
            let start = try TLV.encode(Array(items.prefix(index))).count
            var record = try TLV.encode(items)
            let original = record[start + 1]
            var lengthByte = generator.byte(favouring: [0x00, 0x7F, 0x80, 0x81, 0x82, 0xFF])
            if lengthByte == original { lengthByte ^= 0x01 }
            record[start + 1] = lengthByte
            let available = record.count - (start + 2)
            let tag = items[index].tag

            let expectedError: (CardDataError, message: String)? =
                if lengthByte == 0x80 || lengthByte >= 0x82 {
                    (.unsupportedLengthForm(tag: tag, lengthByte: lengthByte), "Item \(tag.hexByte) ")
                } else if lengthByte < 0x80 && Int(lengthByte) > available {
                    (
                        .recordLengthOverrun(tag: tag, length: Int(lengthByte), available: available),
                        "Item \(tag.hexByte) of a record from the card announces \(lengthByte) bytes "
                            + "but only \(available) follow."
                    )
                } else {
                    nil
                }

            switch (Result { () throws(CardDataError) in try TLV.parse(record: record) }, expectedError) {
            case (.failure(let error), let (expected, message)?):
                exact += 1
                if error != expected || !error.message.contains(message) {
                    problems.append("\(record.hexString): \(error.message)")
                }
            case (.failure(let error), nil):
                if !Self.recordErrors.contains(error) || error.message.isEmpty {
                    problems.append("\(record.hexString): \(error.message)")
                }
            case (.success(let parsed), nil):
                // The items before the changed one are intact, the changed one keeps its tag.
                let reparsed = try TLV.parse(record: TLV.encode(parsed))
                if parsed.count <= index || Array(parsed.prefix(index)) != Array(items.prefix(index))
                    || parsed[index].tag != tag
                    || (lengthByte < 0x80 && parsed[index].value.count != Int(lengthByte)) || reparsed != parsed
                {
                    problems.append("\(record.hexString) parsed as \(parsed)")
                }
            case (.success(let parsed), _?):
                problems.append("\(record.hexString) parsed as \(parsed)")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(exact > 1000)
    }

    // MARK: Command APDUs

    /// Bytes shaped like a command APDU: a header favouring `classes` and `instructions`, then a
    /// body of one of ISO 7816-3's forms, often with a length field that disagrees with the data,
    /// or plain noise.
    static func commandLikeBytes(
        _ generator: inout SeededGenerator,
        classes: [UInt8],
        instructions: [UInt8]
    ) -> [UInt8] {
        if generator.oneIn(8) { return generator.bytes(generator.int(0...12)) }
        let header = [
            generator.byte(favouring: classes), generator.byte(favouring: instructions),
            generator.byte(favouring: [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x07, 0x09, 0x96]),
            generator.byte(favouring: [0x00, 0x01, 0x02, 0x03, 0x28, 0x2C, 0x2D, 0x30, 0x34, 0x35]),
        ]
        let data = generator.bytes(generator.oneIn(4) ? generator.int(0...300) : generator.int(0...24))
        let slip = generator.oneIn(4) ? generator.int(-2...2) : 0
        let count = UInt16(truncatingIfNeeded: data.count + slip)
        let le = generator.byte(favouring: [0x00, 0x04, 0x08])
        switch generator.int(0...5) {
        case 0: return header
        case 1: return header + [le]
        case 2: return header + [UInt8(truncatingIfNeeded: count)] + data
        case 3: return header + [UInt8(truncatingIfNeeded: count)] + data + [le]
        case 4:
            return header + [0x00, UInt8(count >> 8), UInt8(count & 0xFF)] + data
                + (generator.oneIn(2) ? [le, le] : [])
        default: return header + generator.bytes(generator.int(0...8))
        }
    }

    /// The simulators' parser: a command or `malformedCommand`. A parsed command re-encodes to one
    /// that parses the same, and to the very bytes when they used short lengths (extended fields
    /// for small lengths re-encode short).
    @Test func commandAPDUsParseOrFailAsMalformed() throws {
        var generator = SeededGenerator(seed: 0x7_2001)
        var parsed = 0
        var refused = 0
        var problems: [String] = []
        for _ in 0..<5000 {
            let bytes = Self.commandLikeBytes(&generator, classes: [0x00, 0x80], instructions: [0xA4, 0xB2])
            let command: CommandAPDU
            do {
                command = try CommandAPDU(bytes: bytes)
            } catch {
                refused += 1
                if error != .malformedCommand("") || error.message.isEmpty { problems.append(bytes.hexString) }
                continue
            }
            parsed += 1
            let encoded = try command.encoded()
            let short = bytes.count <= 5 || bytes[4] != 0x00
            if try CommandAPDU(bytes: encoded) != command || (short && encoded != bytes) {
                problems.append(bytes.hexString)
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(parsed > 1500)
        #expect(refused > 1000)
    }

    // MARK: The simulated card

    static let cardClasses: [UInt8] = [0x00, 0x04, 0x80, 0x84]
    static let cardInstructions: [UInt8] = [
        0xA4, 0xC0, 0xB2, 0xB0, 0xDC, 0xD6, 0x20, 0x5E, 0x24, 0x84, 0x82, 0x88, 0x1E, 0x16,
    ]
    static let selectSSSE = try! CommandAPDU.select(aid: CardProfile.standard.ssse.aid).encoded()
    static let selectMasterFile = try! CommandAPDU.selectMasterFile.encoded()

    /// Cards of each transmission and algorithm, each with the seed of its command stream.
    static let variants: [(CardGeneration, CardAlgorithm, CardImage.Transmission, UInt64)] = [
        (.v3, .sm4, .t0, 1), (.v2, .des, .t1, 2), (.v1, .des, .t1, 3),
    ]

    @Test("the simulated card answers random commands and changes nothing it refuses", arguments: variants)
    func simulatedCardAnswersRandomCommands(
        generation: CardGeneration,
        algorithm: CardAlgorithm,
        transmission: CardImage.Transmission,
        seed: UInt64
    ) throws {
        let image = try CardFixtures.image(generation: generation, algorithm: algorithm, transmission: transmission)
        var generator = SeededGenerator(seed: 0x7_3000 + seed)
        var probe = CardProbe(image: image)
        for index in 0..<3000 {
            if index % 30 == 0 {
                probe.insert(image)
                if !generator.oneIn(4) {
                    probe.send(Self.selectMasterFile)
                    probe.send(Self.selectSSSE)
                }
            }
            probe.send(
                Self.commandLikeBytes(&generator, classes: Self.cardClasses, instructions: Self.cardInstructions))
        }
        #expect(probe.findings.problems.isEmpty, "\(probe.findings.problems.prefix(3))")
        #expect(probe.findings.statusWords.isSuperset(of: [0x9000, 0x6700, 0x6A82, 0x6A86, 0x6984, 0x6D00]))
    }

    /// The commands a terminal sends, each valid; secured ones carry a MAC that is only 4 random bytes.
    static func validCardCommands(_ generator: inout SeededGenerator) throws -> [[UInt8]] {
        let mac = generator.bytes(4)
        var unblock = CommandAPDU.pinUnblock
        unblock.data = mac
        var applicationBlock = CommandAPDU.applicationBlock
        applicationBlock.data = mac
        var cardBlock = CommandAPDU.cardBlock
        cardBlock.data = mac
        let commands: [CommandAPDU] = [
            .selectMasterFile, .select(aid: CardProfile.standard.ssse.aid),
            .select(aid: CardProfile.standard.applications[0].aid), .select(elementaryFile: CardProfile.photoFile),
            .readRecords(sfi: 5), .readRecords(sfi: 6), .readRecord(sfi: 5, tag: 0x07), .readRecord(sfi: 6, tag: 0x09),
            .readBinary(offset: 0, length: 256), .verify(pin: try PIN(digits: "123456")), .verify(),
            .changePIN(old: try PIN(digits: "123456"), new: try PIN(digits: "654321")), .getChallenge,
            .externalAuthenticate(keyID: 0x02, data: generator.bytes(8)),
            .internalAuthenticate(keyID: 0x03, random: generator.bytes(8)),
            .updateRecord(sfi: 5, tag: 0x03, record: [0x03, 0x04] + Array("3.00".utf8) + mac),
            .updateBinary(offset: 0, data: generator.bytes(16) + mac), unblock,
            .pinReload(encryptedPIN: generator.bytes(16) + mac), applicationBlock, cardBlock,
            .getResponse(length: 0x17),
        ]
        return try commands.map { try $0.encoded() }
    }

    /// One or two edits of the kinds a noisy line or a buggy terminal makes.
    static func mutate(_ bytes: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<generator.int(1...2) {
            let position = generator.int(0...max(0, bytes.count - 1))
            switch generator.int(0...5) {
            case 0 where !bytes.isEmpty: bytes[position] ^= 1 << UInt8(generator.int(0...7))
            case 1 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 2: bytes = Array(bytes.prefix(generator.int(0...bytes.count)))
            case 3: bytes += generator.bytes(generator.int(1...3))
            case 4 where bytes.count > 4: bytes[4] = generator.byte(favouring: [0x00, 0x01, 0xFF])
            case 5 where !bytes.isEmpty: bytes.remove(at: position)
            default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: min(position, bytes.count))
            }
        }
        return bytes
    }

    @Test("the simulated card answers mutated terminal commands and changes nothing it refuses", arguments: variants)
    func simulatedCardAnswersMutatedCommands(
        generation: CardGeneration,
        algorithm: CardAlgorithm,
        transmission: CardImage.Transmission,
        seed: UInt64
    ) throws {
        let image = try CardFixtures.image(generation: generation, algorithm: algorithm, transmission: transmission)
        var generator = SeededGenerator(seed: 0x7_4000 + seed)
        var probe = CardProbe(image: image)
        for _ in 0..<100 {
            probe.insert(image)
            probe.send(Self.selectMasterFile)
            probe.send(Self.selectSSSE)
            let valid = try Self.validCardCommands(&generator)
            for _ in 0..<40 {
                let command = valid.randomElement(using: &generator)!
                probe.send(generator.oneIn(4) ? command : Self.mutate(command, &generator))
            }
        }
        #expect(probe.findings.problems.isEmpty, "\(probe.findings.problems.prefix(3))")
        #expect(probe.findings.statusWords.isSuperset(of: [0x9000, 0x6700, 0x6988, 0x6A83, 0x63C2, 0x6983]))
    }

    /// UPDATE RECORD with a correct MAC: the record it names, of the same length and starting with
    /// its tag, is replaced and nothing else; any other record is refused and changes nothing.
    @Test(arguments: [CardAlgorithm.sm4, .des])
    func securedRecordWritesChangeOnlyTheRecordTheyName(algorithm: CardAlgorithm) throws {
        let image = try CardFixtures.image(generation: .v2, algorithm: algorithm)
        let key = SecretKey(bytes: try #require(image.keys[KeyName.updateSSSE.rawValue]).bytes)
        let cryptography = CardCryptography(algorithm: algorithm)
        var generator = SeededGenerator(seed: 0x7_5000 + UInt64(algorithm.rawValue))
        var probe = CardProbe(image: image)
        var written = 0
        var refused = 0
        for _ in 0..<1000 {
            probe.insert(image)
            probe.send(Self.selectMasterFile)
            probe.send(Self.selectSSSE)
            let sfi: UInt8 = generator.oneIn(2) ? 5 : 6
            let path = CardImage.path(CardProfile.standard.ssse, sfi == 5 ? 0xEF05 : 0xEF06)
            let records = Self.records(path, in: image)
            try #require(!records.isEmpty)
            let target = records.randomElement(using: &generator)!.bytes
            let tag = generator.oneIn(8) ? UInt8.random(in: 0...255, using: &generator) : target[0]
            var record = [tag] + generator.bytes(target.count - 1)
            switch generator.int(0...3) {
            case 0: record = generator.bytes(generator.int(0...40))
            case 1: record += generator.bytes(generator.int(1...4))
            case 2: record.removeLast(generator.int(1...record.count))
            default: break
            }

            let challenge = try #require(probe.send(try CommandAPDU.getChallenge.encoded())?.data)
            let input = try CardCryptography.commandMACInput(cla: 0x04, ins: 0xDC, p1: tag, p2: sfi << 3, data: record)
            let mac = try cryptography.mac(key, data: input, initialVector: challenge)
            let before = probe.card.image
            let update = try CommandAPDU.updateRecord(sfi: sfi, tag: tag, record: record + mac).encoded()
            let statusWord = probe.send(update)?.statusWord

            let named = records.first { $0.bytes.first == tag }
            if record.first == tag, named?.bytes.count == record.count {
                written += 1
                var expected = before
                expected.files[path] = .records(records.map { $0.bytes.first == tag ? HexBytes(record) : $0 })
                #expect(statusWord == 0x9000)
                #expect(probe.card.image == expected)
            } else {
                refused += 1
                #expect(statusWord == (named == nil ? 0x6A83 : 0x6700))
            }
        }
        #expect(probe.findings.problems.isEmpty, "\(probe.findings.problems.prefix(3))")
        #expect(written > 150)
        #expect(refused > 500)
    }

    /// The records of the record file at `path`; none for a transparent or missing file.
    static func records(_ path: String, in image: CardImage) -> [HexBytes] {
        guard case .records(let records)? = image.files[path] else { return [] }
        return records
    }

    // MARK: The simulated PSAM

    static func validPSAMCommands(_ generator: inout SeededGenerator) throws -> [[UInt8]] {
        let algorithm = generator.oneIn(2) ? CardAlgorithm.sm4 : .des
        let blocks = generator.bytes(algorithm.blockSize * generator.int(1...3))
        let commands = [
            CommandAPDU.select(aid: PSAMKeyProvider.applicationID),
            CommandAPDU(ins: 0xB0, p1: 0x80 | 0x16, p2: 0, expectedLength: 6),
            CommandAPDU(
                cla: 0x80, ins: 0x1A, p1: algorithm.rawValue, p2: UInt8(generator.int(1...6)),
                data: Array("330100sx".utf8) + generator.bytes(8)),
            CommandAPDU(cla: 0x80, ins: 0xFA, p1: 0x00, data: blocks, expectedLength: 256),
            CommandAPDU(cla: 0x80, ins: 0xFA, p1: 0x00, data: generator.bytes(272), expectedLength: 256),
            CommandAPDU(
                cla: 0x80, ins: 0xFA, p1: 0x05, data: generator.bytes(algorithm.blockSize) + blocks, expectedLength: 4),
            .getResponse(length: generator.int(1...256)),
        ]
        return try commands.map { try $0.encoded() }
    }

    @Test func simulatedPSAMAnswersRandomAndMutatedCommands() throws {
        var generator = SeededGenerator(seed: 0x7_6001)
        var psam = SimulatedPSAM(keys: CardFixtures.keys, terminalNumber: [0x33, 0x01, 0x00, 0x00, 0x00, 0x01])
        var findings = Findings()
        for index in 0..<4000 {
            if index % 25 == 0 {
                psam.reset()
                findings.exchange(try CommandAPDU.select(aid: PSAMKeyProvider.applicationID).encoded(), with: &psam)
            }
            let command: [UInt8]
            switch generator.int(0...2) {
            case 0:
                command = Self.commandLikeBytes(
                    &generator, classes: [0x00, 0x80], instructions: [0xA4, 0xB0, 0x1A, 0xFA, 0xC0])
            case 1:
                command = try Self.validPSAMCommands(&generator).randomElement(using: &generator)!
            default:
                command = Self.mutate(
                    try Self.validPSAMCommands(&generator).randomElement(using: &generator)!, &generator)
            }
            findings.exchange(command, with: &psam)
        }
        #expect(findings.problems.isEmpty, "\(findings.problems.prefix(3))")
        #expect(findings.statusWords.isSuperset(of: [0x9000, 0x6700, 0x6985, 0x6A80, 0x6A82, 0x6A88]))
    }

    // MARK: Reading a damaged card

    /// The errors reading a card with damaged records may give, whatever the damage.
    static let damagedCardErrors: Set<SocialSecurityCardError> = [
        .malformedRecord(""), .cardData(""), .recordNotFound(""), .personalisationIncomplete,
        .unsupportedGeneration(""),
    ]

    /// One edit of a record file: a record replaced by noise, a flipped bit, a changed length byte
    /// or tag, a record cut short, junk after it, noise in its value, or the record gone.
    static func damage(_ records: inout [HexBytes], _ generator: inout SeededGenerator) {
        guard !records.isEmpty else { return }
        let index = generator.int(0...records.count - 1)
        var bytes = records[index].bytes
        let position = generator.int(0...max(0, bytes.count - 1))
        switch generator.int(0...7) {
        case 0: bytes = generator.bytes(generator.int(0...40))
        case 1 where !bytes.isEmpty: bytes[position] ^= 1 << UInt8(generator.int(0...7))
        case 2 where bytes.count > 1: bytes[1] = generator.byte(favouring: [0x00, 0x7F, 0x80, 0x81, 0xFF])
        case 3 where !bytes.isEmpty: bytes[0] = UInt8.random(in: 0...255, using: &generator)
        case 4: bytes = Array(bytes.prefix(position))
        case 5: bytes += generator.bytes(generator.int(1...8))
        case 6 where bytes.count > 2: bytes = Array(bytes.prefix(2)) + generator.bytes(bytes.count - 2)
        default:
            records.remove(at: index)
            return
        }
        records[index] = HexBytes(bytes)
    }

    @Test(
        "a card whose EF05/EF06 records are damaged reads as a card error, never a crash",
        arguments: [(CardGeneration.v2, CardAlgorithm.des), (.v3, .sm4)])
    func damagedRecordsGiveCardErrors(generation: CardGeneration, algorithm: CardAlgorithm) async throws {
        let image = try CardFixtures.image(generation: generation, algorithm: algorithm)
        let person = try CardFixtures.person(seed: 7, generation: generation)
        let original = person.identity
        let fullNumber = person.cardholder.socialSecurityNumber.unmaskedValue
        var generator = SeededGenerator(seed: 0x7_7000 + UInt64(algorithm.rawValue))
        var problems: [String] = []
        var seen: Set<SocialSecurityCardError> = []
        var completed = 0
        for _ in 0..<1500 {
            var damaged = image
            let fid: UInt16 = generator.oneIn(2) ? 0xEF05 : 0xEF06
            let path = CardImage.path(CardProfile.standard.ssse, fid)
            var records = Self.records(path, in: damaged)
            try #require(!records.isEmpty)
            for _ in 0..<generator.int(1...3) { Self.damage(&records, &generator) }
            damaged.files[path] = .records(records)

            let session = try await SocialSecurityCardSession.open(CardFixtures.channel(damaged))
            var identityRead: CardIdentity?
            do {
                _ = try await session.readFactoryData()
                let identity = try await session.readIdentity()
                identityRead = identity
                _ = try await session.readCardholder(of: identity, keys: CardFixtures.keys)
                completed += 1
            } catch {
                seen.insert(error)
                // A damaged EF05 may name another generation (a 3.0 card read as 2.0 refuses EF06
                // without the read key) or another card identifier (its keys do not authenticate).
                let explained =
                    Self.damagedCardErrors.contains(error)
                    || (error == .accessDenied("") && identityRead.map { $0.generation != generation } == true)
                    || (error == .authenticationFailed(.readSSSE)
                        && identityRead.map { $0.cardIdentifier != original.cardIdentifier } == true)
                if !explained || error.message.isEmpty || error.description.contains(fullNumber) {
                    problems.append("\(path) \(records.map(\.bytes.hexString)): \(error)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(seen.isSuperset(of: [.malformedRecord(""), .cardData(""), .recordNotFound("")]))
        #expect(completed > 25)
    }

    /// An FCI of template 6F with the AID, noise items and A5 holding tag 86: the session finds the
    /// algorithm. Damaged, it finds one or refuses with `malformedRecord`.
    @Test func sessionReadsTheAlgorithmFromAnyFCI() async throws {
        var generator = SeededGenerator(seed: 0x7_8001)
        var problems: [String] = []
        for _ in 0..<1000 {
            let algorithm = UInt8.random(in: 0...255, using: &generator)
            let proprietary = try TLV.encode(
                Self.noise(&generator) + [TLV(tag: 0x86, value: [algorithm])] + Self.noise(&generator))
            let fci = try TLV(
                tag: 0x6F,
                value: TLV.encode(
                    [TLV(tag: 0x84, value: CardProfile.standard.ssse.aid)] + Self.noise(&generator)
                        + [TLV(tag: 0xA5, value: proprietary)] + Self.noise(&generator))
            ).encoded()
            let session = try await SocialSecurityCardSession.open(InProcessCardChannel(card: FCICard(fci: fci)))
            #expect(session.algorithm == CardAlgorithm(rawValue: algorithm))

            let damaged = Self.mutate(fci, &generator)
            do {
                _ = try await SocialSecurityCardSession.open(InProcessCardChannel(card: FCICard(fci: damaged)))
            } catch {
                if error != .malformedRecord("") || error.message.isEmpty { problems.append(damaged.hexString) }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
    }

    /// SELECT SSSE's answer from a real third-generation Sichuan card (gdgly/SI_3rdCard,
    /// docs/加密机方式指令流.txt), which nests tag 86 in 9F0C inside A5: the session reads SM4.
    @Test func sessionReadsTheCipherFromARealCardsFCI() async throws {
        let fci = try #require([UInt8](hex: "6F1C 840F 7378312E73682EC9E7BBE1B1A3D5CF A509 88011E 9F0C03 860103"))
        let session = try await SocialSecurityCardSession.open(InProcessCardChannel(card: FCICard(fci: fci)))
        #expect(session.algorithm == .sm4)
    }

    /// Up to three primitive BER-TLV items with one-byte tags, none that the FCI parser looks for or
    /// into (86, 53) and no padding byte (00, FF): an FCI is BER-TLV, its noise too.
    static func noise(_ generator: inout SeededGenerator) -> [TLV] {
        (0..<generator.int(0...3)).map { _ in
            var tag = UInt8.random(in: 0...255, using: &generator)
            while [0x86, 0x53, 0x00, 0xFF].contains(tag) || tag & 0x1F == 0x1F || tag & 0x20 != 0 {
                tag = UInt8.random(in: 0...255, using: &generator)
            }
            return TLV(tag: tag, value: generator.bytes(generator.int(0...10)))
        }
    }
}

/// A card whose SSSE answers SELECT by name with a given FCI, and anything else with `9000`: for
/// feeding the session's FCI parser.
private struct FCICard: VirtualCard {
    let fci: [UInt8]
    var atr: [UInt8] { [0x3B, 0x00] }
    mutating func reset() {}
    mutating func respond(to command: [UInt8]) -> [UInt8] {
        command.count > 4 && command[1] == 0xA4 && command[2] == 0x04 ? fci + [0x90, 0x00] : [0x90, 0x00]
    }
}

private extension UInt8 {
    /// Two upper-case hex digits, as error messages name tags.
    var hexByte: String { (self < 0x10 ? "0" : "") + String(self, radix: 16, uppercase: true) }
}
