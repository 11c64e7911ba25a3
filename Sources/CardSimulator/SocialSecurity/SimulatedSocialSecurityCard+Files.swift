import SmartCard
import SocialSecurityCard

extension SimulatedSocialSecurityCard {
    // MARK: SELECT and GET RESPONSE

    mutating func select(_ command: CommandAPDU) -> [UInt8] {
        switch command.p1 {
        case 0x00 where command.data == [0x3F, 0x00]:
            session = Session()
            session.masterFileSelected = true
            return Status.success
        case 0x04:
            guard let directory = ([profile.ssse] + profile.applications).first(where: { $0.aid == command.data })
            else {
                return Status.fileNotFound
            }
            if directory.name == profile.ssse.name, image.ssseUnderMasterFile, !session.masterFileSelected {
                return Status.fileNotFound
            }
            enter(directory)
            return answer(controlInformation(directory), expectedLength: command.expectedLength)
        case 0x00:
            guard let directory = profile.applications.first(where: { $0.fid.map(fidBytes) == command.data }) else {
                return Status.fileNotFound
            }
            enter(directory)
            return answer(controlInformation(directory), expectedLength: command.expectedLength)
        case 0x02:
            guard let directory = session.directory, command.data.count == 2 else { return Status.fileNotFound }
            let fid = UInt16(command.data[0]) << 8 | UInt16(command.data[1])
            guard directory.file(fid) != nil, image.files[CardImage.path(directory, fid)] != nil else {
                return Status.fileNotFound
            }
            session.elementaryFile = fid
            return Status.success
        default:
            return Status.incorrectP1P2
        }
    }

    private mutating func enter(_ directory: DirectoryProfile) {
        session.directory = directory
        session.elementaryFile = nil
        session.pinVerified = false
        session.authenticated = []
    }

    private func fidBytes(_ fid: UInt16) -> [UInt8] { [UInt8(fid >> 8), UInt8(fid & 0xFF)] }

    /// FCI: 6F { 84 AID, A5 { 86 algorithm } } on 1.0 and 2.0 cards; 3.0 cards nest it as the real
    /// Sichuan card of gdgly/SI_3rdCard's trace does: A5 { 88 1E, 9F0C { 86 algorithm } }.
    private func controlInformation(_ directory: DirectoryProfile) -> [UInt8] {
        let cipher: [UInt8] = [0x86, 0x01, image.algorithm]
        let proprietary =
            image.generation >= .v3 ? [0x88, 0x01, 0x1E, 0x9F, 0x0C, UInt8(cipher.count)] + cipher : cipher
        let body = [0x84, UInt8(directory.aid.count)] + directory.aid + [0xA5, UInt8(proprietary.count)] + proprietary
        return [0x6F, UInt8(body.count)] + body
    }

    /// Sends `data` the way the card's transmission protocol does: T=0 cards announce it with
    /// `61xx` for GET RESPONSE; cards that want the exact Le answer `6Cxx` to any other.
    mutating func answer(_ data: [UInt8], expectedLength: Int?) -> [UInt8] {
        if image.transmission == .t0 {
            session.pendingResponse = data
            return data.isEmpty ? Status.success : Status.moreData(data.count)
        }
        if image.exactLengthOnly, let expectedLength, expectedLength != data.count {
            return Status.exactLength(data.count)
        }
        return Array(data.prefix(expectedLength ?? 0)) + Status.success
    }

    mutating func getResponse(_ command: CommandAPDU) -> [UInt8] {
        guard !session.pendingResponse.isEmpty else { return Status.conditionsNotSatisfied }
        let length = command.expectedLength ?? 256
        let piece = Array(session.pendingResponse.prefix(length))
        session.pendingResponse.removeFirst(piece.count)
        let remaining = session.pendingResponse.count
        return piece + (remaining == 0 ? Status.success : Status.moreData(remaining))
    }

    // MARK: Reading

    mutating func readRecord(_ command: CommandAPDU) -> [UInt8] {
        let sfi = command.p2 >> 3
        guard let directory = session.directory, let file = directory.file(sfi: sfi),
            case .records(let records)? = image.files[CardImage.path(directory, file.fid)]
        else { return Status.fileNotFound }
        guard permits(file.readCondition(for: image.generation)) else { return Status.securityStatusNotSatisfied }
        let data: [UInt8]
        switch command.p2 & 0b111 {
        case 0b100:
            guard command.p1 >= 1, Int(command.p1) <= records.count else { return Status.recordNotFound }
            data = records[Int(command.p1) - 1].bytes
        case 0b101:
            guard command.p1 >= 1, Int(command.p1) <= records.count else { return Status.recordNotFound }
            data = records[(Int(command.p1) - 1)...].flatMap(\.bytes)
        case 0b000:
            guard let record = records.first(where: { $0.bytes.first == command.p1 }) else {
                return Status.recordNotFound
            }
            data = record.bytes
        default:
            return Status.incorrectP1P2
        }
        guard data.count <= 256 else { return Status.wrongLength }
        return respondDirectly(data, expectedLength: command.expectedLength)
    }

    mutating func readBinary(_ command: CommandAPDU) -> [UInt8] {
        guard let directory = session.directory, let fid = session.elementaryFile, let file = directory.file(fid) else {
            return Status.noCurrentEF
        }
        guard case .transparent(let content)? = image.files[CardImage.path(directory, fid)] else {
            return Status.noCurrentEF
        }
        guard permits(file.readCondition(for: image.generation)) else { return Status.securityStatusNotSatisfied }
        let offset = Int(command.p1 & 0x7F) << 8 | Int(command.p2)
        guard offset < content.bytes.count else { return Status.offsetBeyondFile }
        let available = content.bytes.count - offset
        let wanted = command.expectedLength ?? 256
        if wanted > available { return Status.exactLength(min(available, 256)) }
        return Array(content.bytes[offset..<offset + wanted]) + Status.success
    }

    /// Case 2 answers carry the data at once also with T=0 (the reader sends Le in P3); Le too
    /// small or, on exact-length cards, different gets `6Cxx`.
    private func respondDirectly(_ data: [UInt8], expectedLength: Int?) -> [UInt8] {
        let wanted = expectedLength ?? 256
        if wanted < data.count || (image.exactLengthOnly && wanted != data.count) {
            return Status.exactLength(data.count)
        }
        return data + Status.success
    }

    /// Whether the session meets `condition` now.
    func permits(_ condition: AccessCondition) -> Bool {
        switch condition {
        case .free: true
        case .pin: session.pinVerified
        case .externalAuthentication(let key): session.authenticated.contains(key)
        case .pinOrKey(let key): session.pinVerified || session.authenticated.contains(key)
        case .secureMessaging, .never: false
        }
    }
}
