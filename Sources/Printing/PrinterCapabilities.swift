/// What a printer can do, as it (or its cupsd queue) declares it.
public struct PrinterCapabilities: Sendable, Hashable {
    /// The media the printer takes, from libcups' view of its `media-col-database`.
    public let media: [MediaSize]
    /// The media a job gets when it names none.
    public let defaultMedia: MediaSize?
    /// `print-color-mode-supported`, e.g. ["monochrome"] or ["auto", "color", "monochrome"].
    public let colorModes: [String]
    /// `sides-supported`.
    public let sides: [String]
    /// `document-format-supported` (MIME types).
    public let documentFormats: [String]

    public init(
        media: [MediaSize], defaultMedia: MediaSize?, colorModes: [String], sides: [String], documentFormats: [String]
    ) {
        self.media = media
        self.defaultMedia = defaultMedia
        self.colorModes = colorModes
        self.sides = sides
        self.documentFormats = documentFormats
    }

    public var supportsColor: Bool { colorModes.contains("color") }
    public var supportsDuplex: Bool { sides.contains { $0.hasPrefix("two-sided") } }

    /// The media called `name` (a PWG name), if the printer takes it.
    public func media(named name: String) -> MediaSize? { media.first { $0.name == name } }
}
