/// Something drawn at a fixed place on every page, measured in millimetres from the top-left
/// corner: the whole of a card face, or a mark on a form.
///
/// In template JSON an element is an object with a `type` (`text`, `image`, `box`) and that kind's
/// properties. Elements marked `preprinted` are on the card or form stock already: they appear on
/// proofs and previews and are left out when printing onto the stock.
public enum FixedElement: Hashable, Sendable, Codable {
    case text(Text)
    case image(Image)
    case box(Box)

    private enum CodingKeys: String, CodingKey {
        case type
    }

    private enum Kind: String, Codable {
        case text, image, box
    }

    /// Whether the element is already on the stock.
    var preprinted: Bool {
        switch self {
        case .text(let text): text.preprinted
        case .image(let image): image.preprinted
        case .box(let box): box.preprinted
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .text: self = .text(try Text(from: decoder))
        case .image: self = .image(try Image(from: decoder))
        case .box: self = .box(try Box(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode(Kind.text, forKey: .type)
            try text.encode(to: encoder)
        case .image(let image):
            try container.encode(Kind.image, forKey: .type)
            try image.encode(to: encoder)
        case .box(let box):
            try container.encode(Kind.box, forKey: .type)
            try box.encode(to: encoder)
        }
    }
}
