import CardCrypto
import SmartCard
import SocialSecurityCard

extension SimulatedSocialSecurityCard {
    // MARK: Challenge and authentication

    mutating func getChallenge(_ command: CommandAPDU) -> [UInt8] {
        let length = command.expectedLength ?? 8
        guard length == 4 || length == 8 else { return Status.wrongLength }
        var generator = SystemRandomNumberGenerator()
        let challenge = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        session.challenge = challenge
        return challenge + Status.success
    }

    /// EXTERNAL AUTHENTICATE: the terminal's answer to the last challenge under key P2.
    mutating func externalAuthenticate(_ command: CommandAPDU) -> [UInt8] {
        guard let challenge = session.challenge else { return Status.noChallenge }
        session.challenge = nil
        guard let reference = profile.keys.first(where: { $0.keyID == command.p2 }), let key = key(reference.name)
        else {
            return Status.keyNotFound
        }
        guard let expected = try? authenticationResponse(to: challenge, key: key), expected == command.data
        else { return Status.authenticationFailed }
        session.authenticated.insert(reference.name)
        return Status.success
    }

    /// INTERNAL AUTHENTICATE: the card proves itself by answering the terminal's random under key P1.
    mutating func internalAuthenticate(_ command: CommandAPDU) -> [UInt8] {
        guard let reference = profile.keys.first(where: { $0.keyID == command.p1 }), let key = key(reference.name)
        else {
            return Status.keyNotFound
        }
        guard let response = try? authenticationResponse(to: command.data, key: key) else {
            return Status.incorrectData
        }
        return answer(response, expectedLength: command.expectedLength)
    }

    /// APPLICATION BLOCK and CARD BLOCK, each under the maintenance key's MAC.
    mutating func block(_ command: CommandAPDU, card: Bool) -> [UInt8] {
        let verdict = checkMAC(command, key: .maintenance)
        guard verdict == Status.success else { return verdict }
        if card { image.cardBlocked = true } else { image.applicationBlocked = true }
        persist(image)
        return Status.success
    }

    /// APPLICATION UNBLOCK *(unverified: PBOC's `84 18 00 00`)*: lifts the application block under
    /// the maintenance key's MAC; a bad MAC leaves the application blocked.
    mutating func unblockApplication(_ command: CommandAPDU) -> [UInt8] {
        let verdict = checkMAC(command, key: .maintenance)
        guard verdict == Status.success else { return verdict }
        image.applicationBlocked = false
        persist(image)
        return Status.success
    }

    // MARK: Writing

    /// UPDATE RECORD of the record with tag P1 in file SFI (P2), under the file's write key.
    mutating func updateRecord(_ command: CommandAPDU) -> [UInt8] {
        let sfi = command.p2 >> 3
        guard let directory = session.directory, let file = directory.file(sfi: sfi),
            case .records(var records)? = image.files[CardImage.path(directory, file.fid)]
        else { return Status.fileNotFound }
        guard command.p2 & 0b111 == 0 else { return Status.incorrectP1P2 }
        guard case .secureMessaging(let keyName) = file.write else { return Status.securityStatusNotSatisfied }
        let verdict = checkMAC(command, key: keyName)
        guard verdict == Status.success else { return verdict }
        let record = Array(command.data.dropLast(4))
        guard let index = records.firstIndex(where: { $0.bytes.first == command.p1 }) else {
            return Status.recordNotFound
        }
        guard record.first == command.p1, record.count == records[index].bytes.count else { return Status.wrongLength }
        records[index] = HexBytes(record)
        image.files[CardImage.path(directory, file.fid)] = .records(records)
        persist(image)
        return Status.success
    }

    /// UPDATE BINARY of the selected transparent file, under its write key.
    mutating func updateBinary(_ command: CommandAPDU) -> [UInt8] {
        guard let directory = session.directory, let fid = session.elementaryFile, let file = directory.file(fid),
            case .transparent(var content)? = image.files[CardImage.path(directory, fid)]
        else { return Status.noCurrentEF }
        guard case .secureMessaging(let keyName) = file.write else { return Status.securityStatusNotSatisfied }
        let verdict = checkMAC(command, key: keyName)
        guard verdict == Status.success else { return verdict }
        let data = command.data.dropLast(4)
        let offset = Int(command.p1 & 0x7F) << 8 | Int(command.p2)
        guard offset + data.count <= content.bytes.count else { return Status.offsetBeyondFile }
        content.bytes.replaceSubrange(offset..<offset + data.count, with: data)
        image.files[CardImage.path(directory, fid)] = .transparent(content)
        persist(image)
        return Status.success
    }

    // MARK: Keys and MACs

    private var cryptography: CardCryptography { CardCryptography(algorithm: CardAlgorithm(rawValue: image.algorithm)) }

    /// E(Ks, random) under the session key Ks = E(K, random): what both authentications exchange.
    private func authenticationResponse(to random: [UInt8], key: SecretKey) throws(CardCryptoError) -> [UInt8] {
        try cryptography.authenticationData(cryptography.sessionKey(key, random: random), original: random)
    }

    private func key(_ name: KeyName) -> SecretKey? {
        image.keys[name.rawValue].map { SecretKey(bytes: $0.bytes) }
    }

    /// Checks the 4-byte MAC that ends `command`'s data against the last challenge; the challenge
    /// is used up either way, as a card's is.
    mutating func checkMAC(_ command: CommandAPDU, key name: KeyName) -> [UInt8] {
        guard let challenge = session.challenge else { return Status.noChallenge }
        session.challenge = nil
        guard command.data.count >= 4, let key = key(name) else { return Status.macIncorrect }
        let mac = Array(command.data.suffix(CardCryptography.macLength))
        guard
            let input = try? CardCryptography.commandMACInput(
                cla: command.cla,
                ins: command.ins,
                p1: command.p1,
                p2: command.p2,
                data: Array(command.data.dropLast(CardCryptography.macLength))
            ),
            (try? cryptography.isValidMAC(mac, key: key, data: input, initialVector: challenge)) == true
        else { return Status.macIncorrect }
        return Status.success
    }

    /// Decrypts `LD || data || 80..` under key `name`.
    func decrypt(_ encrypted: [UInt8], key name: KeyName) -> [UInt8]? {
        guard let key = key(name) else { return nil }
        return try? cryptography.decryptData(encrypted, key: key)
    }
}
