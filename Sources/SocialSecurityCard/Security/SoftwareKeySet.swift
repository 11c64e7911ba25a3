import CardCrypto
import Foundation
import HexCoding
import Secrets

/// Issuer master keys held in software, for development, tests and the virtual rig.
///
/// A real desk keeps its keys in a PSAM (``PSAMKeyProvider``). A key set file says that its keys
/// are test keys (`"testKeysOnly": true`) and loading refuses a file that does not, so a copy of
/// production keys can never end up in a plain file by way of this type.
public struct SoftwareKeySet: KeyProvider {
    private let masterKeys: [CardAlgorithm: [KeyName: SecretKey]]
    private let profile: CardProfile

    /// The file's layout: master keys in hex by algorithm code ("01", "03") and key name.
    struct File: Codable {
        var testKeysOnly: Bool
        var purpose: String
        var masterKeys: [String: [String: String]]
    }

    /// Loads a key set file, which must be private to its owner (mode 0600, ``SecretFile``).
    public init(contentsOf url: URL, profile: CardProfile = .standard) throws(SocialSecurityCardError) {
        let bytes: [UInt8]
        do {
            bytes = try SecretFile.read(url.path)
        } catch {
            throw .keyProviderFailed(error.message)
        }
        defer { bytes.wipe() }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw .keyProviderFailed("the key set file \(url.lastPathComponent) cannot be read (\(type(of: error)))")
        }
        guard file.testKeysOnly else {
            throw .keyProviderFailed(
                "the key set file \(url.lastPathComponent) does not declare test keys; real keys belong in a PSAM")
        }
        var masterKeys: [CardAlgorithm: [KeyName: SecretKey]] = [:]
        for (code, keys) in file.masterKeys {
            guard let value = UInt8(code, radix: 16) else {
                throw .keyProviderFailed("unknown algorithm code \(code) in the key set")
            }
            for (name, hex) in keys {
                guard var bytes = [UInt8](hex: hex), [8, 16, 24].contains(bytes.count) else {
                    throw .keyProviderFailed("key \(name) for algorithm \(code) is not 8, 16 or 24 bytes of hex")
                }
                masterKeys[CardAlgorithm(rawValue: value), default: [:]][KeyName(rawValue: name)] = SecretKey(
                    wiping: &bytes)
            }
        }
        self.masterKeys = masterKeys
        self.profile = profile
    }

    /// This card's key `name`: the master key diversified by region, then by card, as many
    /// levels as the profile gives the key.
    public func cardKey(_ name: KeyName, for card: CardKeyContext) throws(SocialSecurityCardError) -> SecretKey {
        let levels = profile.key(name)?.diversificationLevels ?? 2
        return try derivedKey(name, algorithm: card.algorithm, factors: card.factors(levels: levels))
    }

    /// The master key `name` diversified by each of `factors` in turn: what a PSAM does after
    /// INIT FOR DESCRYPT, so the PSAM simulator derives keys here too.
    public func derivedKey(
        _ name: KeyName,
        algorithm: CardAlgorithm,
        factors: [DiversificationFactor]
    ) throws(SocialSecurityCardError) -> SecretKey {
        guard let master = masterKeys[algorithm]?[name] else { throw .keyUnavailable(name) }
        do {
            return try CardCryptography(algorithm: algorithm).diversify(master, factors: factors)
        } catch {
            throw .keyProviderFailed(error.message)
        }
    }

    public func encrypt(_ blocks: [UInt8], with key: KeyName, for card: CardKeyContext)
        async throws(SocialSecurityCardError) -> [UInt8]
    {
        let cardKey = try cardKey(key, for: card)
        do {
            return try CardCryptography(algorithm: card.algorithm).cipher(key: cardKey).encryptECB(blocks)
        } catch {
            throw .keyProviderFailed(error.message)
        }
    }

    public func mac(
        _ input: [UInt8],
        initialVector: [UInt8],
        with key: KeyName,
        for card: CardKeyContext
    ) async throws(SocialSecurityCardError) -> [UInt8] {
        let cardKey = try cardKey(key, for: card)
        do {
            return try CardCryptography(algorithm: card.algorithm).mac(
                cardKey, data: input, initialVector: initialVector)
        } catch {
            throw .keyProviderFailed(error.message)
        }
    }
}
