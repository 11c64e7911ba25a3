/// A photo for a card that met the standard: the JPEG as the resident or the studio gave it, kept,
/// printed on the card face and sent for production byte for byte.
public struct CardPhoto: Hashable, Sendable {
    public let jpeg: [UInt8]

    /// Checks `jpeg` against ``CardPhotoStandard``; the error lists every problem at once.
    public init(checking jpeg: [UInt8]) throws(CardPhotoError) {
        guard jpeg.count <= CardPhotoStandard.maximumBytes else { throw .tooLarge(bytes: jpeg.count) }
        let problems = CardPhotoStandard.problems(of: try GrayImage(jpeg: jpeg))
        guard problems.isEmpty else { throw .outsideStandard(problems) }
        self.jpeg = jpeg
    }
}
