/// One thing to draw on a page, positioned in points; the layout passes produce these, the
/// painter draws them.
enum PageItem {
    /// A text whose top-left corner is at (x, y).
    case text(TextSpec, x: Double, y: Double)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: Color)
    case box(Rect, stroke: Color?, lineWidth: Double, fill: Color?, cornerRadius: Double, dashed: Bool)
    /// The image under `key` in the document's images.
    case image(key: String, frame: Rect, fit: FixedElement.Image.Fit)
    /// A QR code filling `frame`, quiet zone included.
    case qr(QRMatrix, frame: Rect)

    /// The item moved down by `dy` points.
    func offsetBy(dy: Double) -> PageItem {
        switch self {
        case .text(let spec, let x, let y):
            .text(spec, x: x, y: y + dy)
        case .line(let x1, let y1, let x2, let y2, let width, let color):
            .line(x1: x1, y1: y1 + dy, x2: x2, y2: y2 + dy, width: width, color: color)
        case .box(let rect, let stroke, let lineWidth, let fill, let cornerRadius, let dashed):
            .box(
                rect.offsetBy(dy: dy), stroke: stroke, lineWidth: lineWidth, fill: fill, cornerRadius: cornerRadius,
                dashed: dashed)
        case .image(let key, let frame, let fit):
            .image(key: key, frame: frame.offsetBy(dy: dy), fit: fit)
        case .qr(let matrix, let frame):
            .qr(matrix, frame: frame.offsetBy(dy: dy))
        }
    }
}
