import CardCrypto
import Secrets
import SmartCard

extension SocialSecurityCardSession {
    /// The PIN tries left, asked without using one (VERIFY with no data answers `63Cx`, or `9000`
    /// while the PIN is verified, when every try is there).
    public func pinTriesLeft() async throws(SocialSecurityCardError) -> Int {
        do {
            _ = try await channel.exchange(.verify(), during: "asking for the PIN tries left")
            return profile.pinTries
        } catch  where error == .pinBlocked {
            return 0
        } catch  where error.triesLeft != nil {
            return error.triesLeft ?? 0
        }
    }

    /// VERIFY: the cardholder's PIN, checked by the card. A wrong PIN throws
    /// ``SocialSecurityCardError/wrongPIN(triesLeft:)``; the last wrong try, ``SocialSecurityCardError/pinBlocked``.
    /// The command's data and the bytes that carried it to the reader are zeroed once it is sent.
    public func verify(_ pin: borrowing PIN) async throws(SocialSecurityCardError) {
        let command = CommandAPDU.verify(pin: pin)
        defer { command.data.wipe() }
        _ = try await channel.exchange(secret: command, during: "checking the PIN")
    }

    /// CHANGE PIN, which the card allows only with the current PIN; both PINs' bytes are zeroed
    /// once sent, as ``verify(_:)`` does.
    public func changePIN(from old: borrowing PIN, to new: borrowing PIN) async throws(SocialSecurityCardError) {
        let command = CommandAPDU.changePIN(old: old, new: new)
        defer { command.data.wipe() }
        _ = try await channel.exchange(secret: command, during: "changing the PIN")
    }

    /// PIN UNBLOCK at a desk: resets the try counter under the unblock key; the PIN stays.
    public func unblockPIN(keys: any KeyProvider, identity: CardIdentity) async throws(SocialSecurityCardError) {
        _ = try await sendSecured(
            .pinUnblock, key: .pinUnblock, keys: keys, identity: identity, during: "unblocking the PIN")
    }

    /// PIN RELOAD at a desk: sets a new PIN (the resident forgot theirs) and resets the try counter.
    /// The PIN's plaintext blocks are zeroed once encrypted (a PSAM wipes the command that took them).
    public func reloadPIN(to new: borrowing PIN, keys: any KeyProvider, identity: CardIdentity)
        async throws(SocialSecurityCardError)
    {
        let context = try identity.keyContext(algorithm: algorithm)
        let blocks = new.withUnsafeBCD { CardCryptography.encryptionBlocks($0, blockSize: algorithm.blockSize) }
        defer { blocks.wipe() }
        let encrypted = try await keys.encrypt(blocks, with: .pinReload, for: context)
        _ = try await sendSecured(
            .pinReload(encryptedPIN: encrypted), key: .pinReload, keys: keys, identity: identity,
            during: "setting a new PIN")
    }
}
