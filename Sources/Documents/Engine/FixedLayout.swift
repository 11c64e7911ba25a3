/// Places fixed elements: texts fitted to their boxes, images or their placeholders, boxes.
struct FixedLayout {
    let typesetter: Typesetter
    let values: [String: String]
    /// Keys of the images the document has.
    let images: Set<String>

    /// How much a text shrinks per attempt, in points.
    private static let shrinkStep = 0.25
    private static let placeholderColor = Color(hex: 0x8C8C8C)

    func items(for elements: [FixedElement], omittingPreprinted: Bool) throws -> [PageItem] {
        try elements.filter { !(omittingPreprinted && $0.preprinted) }.flatMap { element -> [PageItem] in
            switch element {
            case .text(let text):
                let filled = try Placeholders.fill(text.text, from: values)
                return [
                    try fitted(
                        filled, field: filled.field(template: text.text), style: text.style,
                        in: text.frame.points, minimumSize: text.minimumSize, maximumLines: text.maximumLines,
                        verticalAlignment: text.verticalAlignment)
                ]
            case .image(let image):
                let frame = image.frame.points
                if images.contains(image.source) { return [.image(key: image.source, frame: frame, fit: image.fit)] }
                // The placeholder marks a missing picture on proofs; on stock it would be printed onto the card.
                if omittingPreprinted { return [] }
                let placeholder = try Placeholders.fill(image.placeholder, from: values)
                return [
                    .box(
                        frame, stroke: Self.placeholderColor, lineWidth: 0.5, fill: nil, cornerRadius: 0, dashed: true),
                    try fitted(
                        placeholder, field: "the placeholder of «\(image.source)»",
                        style: image.placeholderStyle.with(alignment: .center), in: frame, minimumSize: nil,
                        maximumLines: 2, verticalAlignment: .center),
                ]
            case .box(let box):
                return [
                    .box(
                        box.frame.points, stroke: box.stroke, lineWidth: box.lineWidth, fill: box.fill,
                        cornerRadius: Units.points(box.cornerRadius), dashed: false)
                ]
            }
        }
    }

    /// The text at the largest size that fits on one line, else wrapped onto up to `maximumLines`
    /// at the largest size that fits; never clipped.
    private func fitted(
        _ filled: Placeholders.Filled, field: String, style: TextStyle, in frame: Rect, minimumSize: Double?,
        maximumLines: Int, verticalAlignment: VerticalAlignment
    ) throws -> PageItem {
        let smallest = min(minimumSize ?? style.size, style.size)
        var sizes = Array(stride(from: style.size, to: smallest, by: -Self.shrinkStep))
        sizes.append(smallest)
        for lines in Set([1, max(1, maximumLines)]).sorted() {
            for size in sizes {
                let spec = TextSpec(text: filled.text, style: style.with(size: size), width: frame.width)
                let metrics = try typesetter.measure(spec, field: field)
                guard metrics.lines <= lines, metrics.height <= frame.height, metrics.width <= frame.width else {
                    continue
                }
                let y: Double =
                    switch verticalAlignment {
                    case .top: frame.y
                    case .center: frame.y + (frame.height - metrics.height) / 2
                    case .bottom: frame.maxY - metrics.height
                    }
                return .text(spec, x: frame.x, y: y)
            }
        }
        throw DocumentError.textDoesNotFit(field)
    }
}
