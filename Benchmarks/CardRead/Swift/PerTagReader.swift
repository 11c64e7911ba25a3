import SmartCard
import SocialSecurityCard

/// The naive reader the session is measured against: one READ RECORD per data item (by tag,
/// mode 000), as kiosk code built on vendor DLLs' "read item" calls does. It decodes as the
/// session does, so the two differ only in the APDUs they send.
struct PerTagReader {
    let channel: any CardChannel
    let profile: CardProfile = .standard

    func read() async throws -> (CardIdentity, Cardholder) {
        _ = try await send(.selectMasterFile)
        _ = try await send(.select(aid: profile.ssse.aid))
        let identity = try CardIdentity(
            items: try await items(of: try file(CardProfile.cardIssuerFile), generation: .v1), profile: profile)
        let generation = identity.generation
        let items = try await items(of: try file(CardProfile.cardholderFile), generation: generation)
        return (identity, try Cardholder(items: items, generation: generation, profile: profile))
    }

    private func file(_ fid: UInt16) throws -> FileProfile {
        guard let file = profile.ssse.file(fid) else { throw BenchmarkFailure("the profile has no file \(fid)") }
        return file
    }

    private func items(of file: FileProfile, generation: CardGeneration) async throws -> RecordItems {
        var items = RecordItems()
        for item in file.items(for: generation) {
            try items.add(records: try await send(.readRecord(sfi: file.sfi, tag: item.tag)))
        }
        return items
    }

    private func send(_ command: CommandAPDU) async throws -> [UInt8] {
        let response = try await channel.transmit(command)
        guard response.statusWord.isSuccess else {
            throw BenchmarkFailure("the card answered \(response.statusWord) to \(command.ins)")
        }
        return response.data
    }
}
