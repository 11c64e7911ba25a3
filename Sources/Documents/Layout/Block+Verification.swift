extension Block {
    /// The certificate's QR code with its explanation beside it: the QR holds the signed payload,
    /// the text gives the short code (`{verification.code}`) for checking by phone or at a counter.
    /// An `aside` set right above the code (the issuing office and date) stays on the same page as
    /// the code, so a certificate never ends with its signature and its QR code on different pages.
    public struct Verification: Hashable, Sendable, Codable {
        /// The QR code's side including its quiet zone, in millimetres.
        public var qrSize: Double
        public var text: String
        public var style: TextStyle
        public var aside: String?
        public var asideStyle: TextStyle
        /// The smallest module the printer and a phone camera handle reliably, in millimetres.
        public var minimumModule: Double
        public var spaceBefore: Double

        public init(
            qrSize: Double, text: String, style: TextStyle, aside: String? = nil, asideStyle: TextStyle = TextStyle(),
            minimumModule: Double = 0.25, spaceBefore: Double = 0
        ) {
            self.qrSize = qrSize
            self.text = text
            self.style = style
            self.aside = aside
            self.asideStyle = asideStyle
            self.minimumModule = minimumModule
            self.spaceBefore = spaceBefore
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            qrSize = try container.decode(Double.self, forKey: .qrSize)
            text = try container.decode(String.self, forKey: .text)
            style = try container.decode(TextStyle.self, forKey: .style, default: TextStyle())
            aside = try container.decodeIfPresent(String.self, forKey: .aside)
            asideStyle = try container.decode(TextStyle.self, forKey: .asideStyle, default: TextStyle())
            minimumModule = try container.decode(Double.self, forKey: .minimumModule, default: 0.25)
            spaceBefore = try container.decode(Double.self, forKey: .spaceBefore, default: 0)
        }
    }
}
