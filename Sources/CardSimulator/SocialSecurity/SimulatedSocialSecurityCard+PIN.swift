import SmartCard
import SocialSecurityCard

extension SimulatedSocialSecurityCard {
    /// VERIFY: a wrong PIN costs a try, the last one blocks. No data probes the PIN's state as ISO
    /// 7816-4 says: `9000` while it is verified (until a reset or another directory), else the
    /// tries left (`63Cx`). So a test sees whether a terminal left a card verified behind it.
    mutating func verify(_ command: CommandAPDU) -> [UInt8] {
        guard image.pinTriesLeft > 0 else { return Status.pinBlocked }
        if command.data.isEmpty {
            return session.pinVerified ? Status.success : Status.wrongPIN(triesLeft: image.pinTriesLeft)
        }
        guard let digits = Self.digits(ofBCD: command.data) else { return Status.incorrectData }
        return check(pin: digits)
    }

    /// CHANGE PIN: old PIN, FF, new PIN; the old one is checked like VERIFY.
    mutating func changePIN(_ command: CommandAPDU) -> [UInt8] {
        guard image.pinTriesLeft > 0 else { return Status.pinBlocked }
        guard let separator = command.data.firstIndex(of: 0xFF),
            let old = Self.digits(ofBCD: Array(command.data[..<separator])),
            let new = Self.digits(ofBCD: Array(command.data[(separator + 1)...])),
            (2...12).contains(new.count)
        else { return Status.incorrectData }
        let verdict = check(pin: old)
        guard verdict == Status.success else { return verdict }
        image.pin = new
        persist(image)
        return Status.success
    }

    /// PIN UNBLOCK: a MAC under the unblock key over the header resets the try counter.
    mutating func unblockPIN(_ command: CommandAPDU) -> [UInt8] {
        let verdict = checkMAC(command, key: .pinUnblock)
        guard verdict == Status.success else { return verdict }
        image.pinTriesLeft = image.pinTries
        persist(image)
        return Status.success
    }

    /// PIN RELOAD: a new PIN encrypted under the reload key, then a MAC under it.
    mutating func reloadPIN(_ command: CommandAPDU) -> [UInt8] {
        let verdict = checkMAC(command, key: .pinReload)
        guard verdict == Status.success else { return verdict }
        guard let plain = decrypt(Array(command.data.dropLast(4)), key: .pinReload),
            let new = Self.digits(ofBCD: plain), (2...12).contains(new.count)
        else { return Status.incorrectData }
        image.pin = new
        image.pinTriesLeft = image.pinTries
        persist(image)
        return Status.success
    }

    private mutating func check(pin digits: String) -> [UInt8] {
        if digits == image.pin {
            image.pinTriesLeft = image.pinTries
            session.pinVerified = true
            persist(image)
            return Status.success
        }
        image.pinTriesLeft -= 1
        session.pinVerified = false
        persist(image)
        return image.pinTriesLeft == 0 ? Status.pinBlocked : Status.wrongPIN(triesLeft: image.pinTriesLeft)
    }

    /// The digits of a BCD PIN padded with F (``BCD``'s rules), or nil when it is empty or malformed.
    static func digits(ofBCD bytes: [UInt8]) -> String? {
        guard let digits = try? BCD.decode(bytes), !digits.isEmpty else { return nil }
        return digits
    }
}
