/// How to print a job. Unset options take the printer's defaults.
public struct PrintOptions: Sendable, Hashable {
    /// One or both sides of the sheet (IPP `sides`).
    public enum Sides: String, Sendable, Hashable, CaseIterable {
        case oneSided = "one-sided"
        case twoSidedLongEdge = "two-sided-long-edge"
        case twoSidedShortEdge = "two-sided-short-edge"
    }

    /// Colour or black and white (IPP `print-color-mode`).
    public enum ColorMode: String, Sendable, Hashable, CaseIterable {
        case color
        case monochrome
    }

    /// The PWG media name, e.g. `iso_a4_210x297mm`, or the card printer's `custom_cr80_85.6x53.98mm`.
    /// Name it whenever the document's size is not the queue's default: cupsd's PDF filter puts every
    /// page on the default media otherwise.
    public var media: String?
    public var copies: Int?
    public var sides: Sides?
    public var colorMode: ColorMode?

    public init(media: String? = nil, copies: Int? = nil, sides: Sides? = nil, colorMode: ColorMode? = nil) {
        self.media = media
        self.copies = copies
        self.sides = sides
        self.colorMode = colorMode
    }

    /// The options as libcups' name=value pairs.
    var cupsOptions: [(name: String, value: String)] {
        var options: [(name: String, value: String)] = []
        if let media { options.append(("media", media)) }
        if let copies { options.append(("copies", String(copies))) }
        if let sides { options.append(("sides", sides.rawValue)) }
        if let colorMode { options.append(("print-color-mode", colorMode.rawValue)) }
        return options
    }
}
