import Foundation
import SocialSecurityCard

/// A card image on disk. Saving replaces the file atomically (temporary file, fsync, rename), so
/// a simulator killed mid-save leaves the previous image, as a chip keeps its last committed state.
public struct CardImageFile: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    public func load() throws -> CardImage {
        try JSONDecoder().decode(CardImage.self, from: Data(contentsOf: url))
    }

    public func save(_ image: CardImage) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(image), to: url)
    }
}
