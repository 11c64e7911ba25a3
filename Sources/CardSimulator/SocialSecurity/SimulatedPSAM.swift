import CardCrypto
import SmartCard
import SocialSecurityCard

/// A PSAM in the desk reader's second slot: holds the issuer's master keys (test keys, from a
/// key set file), derives a card's key on INIT FOR DESCRYPT and encrypts or MACs with it on
/// CIPHER DATA, as ``PSAMKeyProvider`` expects.
public struct SimulatedPSAM: VirtualCard {
    private let keys: SoftwareKeySet
    private let profile: CardProfile
    private let terminalNumber: [UInt8]
    private var selected = false
    private var working: (key: SecretKey, algorithm: CardAlgorithm)?
    private var pendingResponse: [UInt8] = []

    public init(keys: SoftwareKeySet, terminalNumber: [UInt8], profile: CardProfile = .standard) {
        self.keys = keys
        self.terminalNumber = terminalNumber
        self.profile = profile
    }

    /// T=0, historical bytes "PSAM".
    public var atr: [UInt8] { [0x3B, 0x64, 0x00, 0x00] + Array("PSAM".utf8) }

    public mutating func reset() {
        selected = false
        working = nil
        pendingResponse = []
    }

    public mutating func respond(to bytes: [UInt8]) -> [UInt8] {
        guard let command = try? CommandAPDU(bytes: bytes) else { return Status.wrongLength }
        if command.ins != 0xC0 { pendingResponse = [] }
        switch (command.cla, command.ins) {
        case (0x00, 0xA4):
            guard command.p1 == 0x04, command.data == PSAMKeyProvider.applicationID else { return Status.fileNotFound }
            selected = true
            working = nil
            return send(command.data)
        case (0x00, 0xC0):
            let piece = Array(pendingResponse.prefix(command.expectedLength ?? 256))
            pendingResponse.removeFirst(piece.count)
            return piece + (pendingResponse.isEmpty ? Status.success : Status.moreData(pendingResponse.count))
        case (0x00, 0xB0) where selected && command.p1 == 0x80 | 0x16:
            return terminalNumber + Status.success
        case (0x80, 0x1A) where selected:
            return initialise(command)
        case (0x80, 0xFA) where selected:
            return cipher(command)
        case (0x00, _), (0x80, _):
            return selected ? Status.insNotSupported : Status.conditionsNotSatisfied
        default:
            return Status.claNotSupported
        }
    }

    /// Case 4 answers go out as a T=0 card's do: `61xx` with the bytes waiting (`00`: 256 or
    /// more), then GET RESPONSE; no data is a plain `9000`.
    private mutating func send(_ data: [UInt8]) -> [UInt8] {
        pendingResponse = data
        return data.isEmpty ? Status.success : Status.moreData(data.count)
    }

    private mutating func initialise(_ command: CommandAPDU) -> [UInt8] {
        working = nil
        let algorithm = CardAlgorithm(rawValue: command.p1)
        guard let reference = profile.keys.first(where: { $0.keyID == command.p2 }) else { return Status.keyNotFound }
        guard command.data.count == 8 * reference.diversificationLevels else { return Status.wrongLength }
        let factors = stride(from: 0, to: command.data.count, by: 8).compactMap {
            try? DiversificationFactor(bytes: Array(command.data[$0..<$0 + 8]))
        }
        guard let key = try? keys.derivedKey(reference.name, algorithm: algorithm, factors: factors) else {
            return Status.keyNotFound
        }
        working = (key, algorithm)
        return Status.success
    }

    private mutating func cipher(_ command: CommandAPDU) -> [UInt8] {
        guard let (key, algorithm) = working else { return Status.conditionsNotSatisfied }
        let cryptography = CardCryptography(algorithm: algorithm)
        let blockSize = algorithm.blockSize
        let result: [UInt8]?
        switch command.p1 {
        case 0x00:
            result = try? cryptography.cipher(key: key).encryptECB(command.data)
        case 0x05:
            guard command.data.count >= blockSize else { return Status.wrongLength }
            result = try? cryptography.mac(
                key, data: Array(command.data.dropFirst(blockSize)),
                initialVector: Array(command.data.prefix(blockSize)))
        default:
            return Status.incorrectP1P2
        }
        guard let result else { return Status.incorrectData }
        return send(result)
    }
}
