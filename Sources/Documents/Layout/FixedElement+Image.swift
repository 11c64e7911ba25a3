extension FixedElement {
    /// A picture from the document's images (a photo), scaled into its box; when the document has
    /// none, a frame with `placeholder` written in it, so a missing photo is plain to see on a proof
    /// (on preprinted stock nothing is printed: whether a card may go without a photo is the
    /// issuing desk's rule to check, not the layout's).
    public struct Image: Hashable, Sendable, Codable {
        public var frame: Frame
        /// The key of the image in ``DocumentContent/images``.
        public var source: String
        public var placeholder: String
        public var placeholderStyle: TextStyle
        public var fit: Fit
        public var preprinted: Bool

        public init(
            frame: Frame, source: String, placeholder: String, placeholderStyle: TextStyle, fit: Fit = .cover,
            preprinted: Bool = false
        ) {
            self.frame = frame
            self.source = source
            self.placeholder = placeholder
            self.placeholderStyle = placeholderStyle
            self.fit = fit
            self.preprinted = preprinted
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            frame = try container.decode(Frame.self, forKey: .frame)
            source = try container.decode(String.self, forKey: .source)
            placeholder = try container.decode(String.self, forKey: .placeholder)
            placeholderStyle = try container.decode(
                TextStyle.self, forKey: .placeholderStyle, default: TextStyle(alignment: .center))
            fit = try container.decode(Fit.self, forKey: .fit, default: .cover)
            preprinted = try container.decode(Bool.self, forKey: .preprinted, default: false)
        }

        /// `cover` fills the box and trims the overflow evenly (photos); `contain` shows all of the
        /// image, centred.
        public enum Fit: String, Hashable, Sendable, Codable {
            case cover
            case contain
        }
    }
}
