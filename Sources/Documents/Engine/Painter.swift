import CCairo

/// Draws page items with cairo.
struct Painter {
    let cairo: OpaquePointer
    let typesetter: Typesetter
    let images: [String: ImageSurface]

    func paint(_ items: [PageItem]) {
        for item in items {
            switch item {
            case .text(let spec, let x, let y):
                typesetter.draw(spec, x: x, y: y, on: cairo)
            case .line(let x1, let y1, let x2, let y2, let width, let color):
                setColor(color)
                cairo_set_line_width(cairo, width)
                cairo_move_to(cairo, x1, y1)
                cairo_line_to(cairo, x2, y2)
                cairo_stroke(cairo)
            case .box(let rect, let stroke, let lineWidth, let fill, let cornerRadius, let dashed):
                paintBox(
                    rect, stroke: stroke, lineWidth: lineWidth, fill: fill, cornerRadius: cornerRadius,
                    dashed: dashed)
            case .image(let key, let frame, let fit):
                if let image = images[key] { paint(image, in: frame, fit: fit) }
            case .qr(let matrix, let frame):
                paint(matrix, in: frame)
            }
        }
    }

    private func setColor(_ color: Color) {
        let (red, green, blue) = color.unitComponents
        cairo_set_source_rgb(cairo, red, green, blue)
    }

    private func paintBox(
        _ rect: Rect, stroke: Color?, lineWidth: Double, fill: Color?, cornerRadius: Double, dashed: Bool
    ) {
        let radius = min(cornerRadius, rect.width / 2, rect.height / 2)
        if radius > 0 {
            cairo_new_sub_path(cairo)
            cairo_arc(cairo, rect.maxX - radius, rect.y + radius, radius, -.pi / 2, 0)
            cairo_arc(cairo, rect.maxX - radius, rect.maxY - radius, radius, 0, .pi / 2)
            cairo_arc(cairo, rect.x + radius, rect.maxY - radius, radius, .pi / 2, .pi)
            cairo_arc(cairo, rect.x + radius, rect.y + radius, radius, .pi, 3 * .pi / 2)
            cairo_close_path(cairo)
        } else {
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        }
        if let fill {
            setColor(fill)
            stroke == nil ? cairo_fill(cairo) : cairo_fill_preserve(cairo)
        }
        guard let stroke else { return }
        setColor(stroke)
        cairo_set_line_width(cairo, lineWidth)
        if dashed {
            let pattern = [2.0, 1.5]
            cairo_set_dash(cairo, pattern, Int32(pattern.count), 0)
        }
        cairo_stroke(cairo)
        if dashed { cairo_set_dash(cairo, nil, 0, 0) }
    }

    private func paint(_ image: ImageSurface, in frame: Rect, fit: FixedElement.Image.Fit) {
        let scaleX = frame.width / image.width
        let scaleY = frame.height / image.height
        let scale = fit == .cover ? max(scaleX, scaleY) : min(scaleX, scaleY)
        cairo_save(cairo)
        cairo_rectangle(cairo, frame.x, frame.y, frame.width, frame.height)
        cairo_clip(cairo)
        cairo_translate(
            cairo, frame.x + (frame.width - image.width * scale) / 2,
            frame.y + (frame.height - image.height * scale) / 2)
        cairo_scale(cairo, scale, scale)
        cairo_set_source_surface(cairo, image.pointer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_GOOD)
        cairo_paint(cairo)
        cairo_restore(cairo)
    }

    /// The code on a white square (the quiet zone must be light whatever is printed under it), dark
    /// modules merged into one path per run so the rasteriser leaves no seams between them.
    private func paint(_ matrix: QRMatrix, in frame: Rect) {
        setColor(.white)
        cairo_rectangle(cairo, frame.x, frame.y, frame.width, frame.height)
        cairo_fill(cairo)
        let module = frame.width / Double(matrix.size + 2 * QRMatrix.quietZone)
        let origin = (
            x: frame.x + module * Double(QRMatrix.quietZone), y: frame.y + module * Double(QRMatrix.quietZone)
        )
        for row in 0..<matrix.size {
            var column = 0
            while column < matrix.size {
                guard matrix.isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < matrix.size, matrix.isDark(row: row, column: column) { column += 1 }
                cairo_rectangle(
                    cairo, origin.x + Double(start) * module, origin.y + Double(row) * module,
                    Double(column - start) * module, module)
            }
        }
        setColor(.black)
        cairo_fill(cairo)
    }
}
