/// Turns blocks into strips for a text column `width` points wide starting at `left`.
struct FlowLayout {
    let typesetter: Typesetter
    let values: [String: String]
    let tables: [String: [TableRow]]
    let left: Double
    let width: Double
    /// The text the verification block's QR code carries.
    let qrText: String?

    /// Inner space of table and grid cells, in points.
    private static let cellPadding = (horizontal: Units.points(1.5), vertical: Units.points(1.1))
    private static let gridLine = (width: 0.5, color: Color.black)
    /// How many rows a table that keeps with the next block carries onto a new page with its end.
    private static let rowsKeptWithEnd = 3

    func strips(for blocks: [Block]) throws -> [Strip] {
        try blocks.flatMap { try strips(for: $0) }
    }

    func strips(for block: Block) throws -> [Strip] {
        switch block {
        case .paragraph(let paragraph): [try strip(for: paragraph)]
        case .fields(let grid): try strips(for: grid)
        case .table(let table): try strips(for: table)
        case .verification(let verification): [try strip(for: verification)]
        case .spacer(let height): [Strip(height: Units.points(height), items: [], what: "A spacer")]
        case .rule(let rule): [strip(for: rule)]
        }
    }

    /// Blocks stacked without page breaks, for headers and footers: their height and items.
    func stack(_ blocks: [Block]) throws -> (height: Double, items: [PageItem]) {
        var y = 0.0
        var items: [PageItem] = []
        for strip in try strips(for: blocks) {
            items += strip.items.map { $0.offsetBy(dy: y) }
            y += strip.height
        }
        return (y, items)
    }

    // MARK: Paragraphs and rules

    private func strip(for paragraph: Block.Paragraph) throws -> Strip {
        let filled = try Placeholders.fill(paragraph.text, from: values)
        let spec = TextSpec(text: filled.text, style: paragraph.style, width: width)
        let metrics = try typesetter.measure(spec, field: filled.field(template: paragraph.text))
        let before = Units.points(paragraph.spaceBefore)
        return Strip(
            height: before + metrics.height + Units.points(paragraph.spaceAfter),
            items: [.text(spec, x: left, y: before)], keepWithNext: paragraph.keepWithNext,
            what: "The paragraph \(filled.field(template: paragraph.text))")
    }

    private func strip(for rule: Block.Rule) -> Strip {
        let spacing = Units.points(rule.spacing)
        let y = spacing + rule.thickness / 2
        return Strip(
            height: 2 * spacing + rule.thickness,
            items: [.line(x1: left, y1: y, x2: left + width, y2: y, width: rule.thickness, color: rule.color)],
            what: "A rule")
    }

    // MARK: Field grids

    private func strips(for grid: Block.FieldGrid) throws -> [Strip] {
        guard grid.columns > 0, !grid.fields.isEmpty, grid.fields.allSatisfy({ (1...grid.columns).contains($0.span) })
        else {
            throw DocumentError.invalidTemplate("a field grid needs fields, at least one column, and spans within it")
        }
        let labelWidth = Units.points(grid.labelWidth)
        let valueWidth = (width - Double(grid.columns) * labelWidth) / Double(grid.columns)
        guard valueWidth > 2 * Self.cellPadding.horizontal else {
            throw DocumentError.invalidTemplate("the labels of a field grid leave no room for its values")
        }
        var strips = try rows(of: grid.fields, columns: grid.columns).map { row in
            var cells: [GridCell] = []
            for field in row {
                let label = try Placeholders.fill(field.label, from: values)
                let value = try Placeholders.fill(field.value, from: values)
                let span = Double(field.span)
                cells.append(
                    GridCell(
                        text: label, template: field.label, style: grid.labelStyle, width: labelWidth,
                        fill: grid.labelFill))
                cells.append(
                    GridCell(
                        text: value, template: field.value, style: grid.valueStyle,
                        width: span * valueWidth + (span - 1) * labelWidth, fill: nil))
            }
            return try strip(for: cells, what: "A row of particulars")
        }
        strips[strips.count - 1].height += Units.points(grid.spaceAfter)
        return strips
    }

    /// Fields grouped into rows of `columns` slots; a row's last field widens to fill the row.
    private func rows(of fields: [Block.FieldGrid.Field], columns: Int) -> [[Block.FieldGrid.Field]] {
        var rows: [[Block.FieldGrid.Field]] = []
        var current: [Block.FieldGrid.Field] = []
        var used = 0
        func close() {
            guard !current.isEmpty else { return }
            current[current.count - 1].span += columns - used
            rows.append(current)
            current = []
            used = 0
        }
        for field in fields {
            if used + field.span > columns { close() }
            current.append(field)
            used += field.span
        }
        close()
        return rows
    }

    // MARK: Tables

    private func strips(for table: Block.Table) throws -> [Strip] {
        guard !table.columns.isEmpty, table.columns.allSatisfy({ $0.width > 0 }) else {
            throw DocumentError.invalidTemplate("table «\(table.source)» needs columns with positive widths")
        }
        guard let rows = tables[table.source] else { throw DocumentError.missingTable(table.source) }
        let totalWeight = table.columns.reduce(0) { $0 + $1.width }
        let widths = table.columns.map { width * $0.width / totalWeight }
        let what = "A row of table «\(table.source)»"

        var header = try strip(
            for: zip(table.columns, widths).map { column, width in
                GridCell(
                    text: Placeholders.Filled(text: column.title, keys: []), template: column.title,
                    style: table.headerStyle, width: width, fill: table.headerFill)
            }, what: "The header of table «\(table.source)»")
        header.keepWithNext = true
        var strips = [header]

        if rows.isEmpty {
            let empty = try Placeholders.fill(table.emptyText, from: values)
            strips.append(
                try strip(
                    for: [
                        GridCell(
                            text: empty, template: table.emptyText,
                            style: table.bodyStyle.with(alignment: .center), width: width, fill: nil)
                    ], what: what))
        }
        for (index, row) in rows.enumerated() {
            let fill = index % 2 == 1 ? table.stripeFill : nil
            let cells = try zip(table.columns, widths).map { column, width in
                guard let cell = row[column.key] else {
                    throw DocumentError.missingValue("\(table.source).\(column.key)")
                }
                return GridCell(
                    text: Placeholders.Filled(text: cell.text, keys: ["\(table.source).\(column.key)"]),
                    template: column.key, style: table.bodyStyle.with(alignment: column.alignment), width: width,
                    fill: fill)
            }
            strips.append(try strip(for: cells, what: what))
        }
        if let totals = table.totals, !rows.isEmpty {
            strips.append(try totalsStrip(totals, of: table, rows: rows, widths: widths))
        }
        for index in strips.indices.dropFirst() { strips[index].repeatedHeader = [header] }
        strips[strips.count - 1].height += Units.points(table.spaceAfter)
        if table.keepWithNext {
            // The end of the table goes with what follows, and takes its last rows along, so no page
            // holds a totals row without the rows it closes.
            for index in strips.indices.suffix(Self.rowsKeptWithEnd + 1) where index > 0 {
                strips[index].keepWithNext = true
            }
        }
        return strips
    }

    /// The totals row: the label in its column, and the sums under the columns that have them.
    private func totalsStrip(_ totals: Block.Table.Totals, of table: Block.Table, rows: [TableRow], widths: [Double])
        throws -> Strip
    {
        let keys = Set(table.columns.map(\.key))
        guard keys.contains(totals.labelColumn), keys.isSuperset(of: totals.sums) else {
            throw DocumentError.invalidTemplate("the totals of table «\(table.source)» name columns it does not have")
        }
        var labelValues = values
        labelValues["count"] = String(rows.count)
        let style = table.bodyStyle.with(bold: true)
        let cells = try zip(table.columns, widths).map { column, width in
            var text = Placeholders.Filled(text: "", keys: [])
            if column.key == totals.labelColumn {
                text = try Placeholders.fill(totals.label, from: labelValues)
            } else if totals.sums.contains(column.key) {
                let amounts = try rows.map { row -> Money in
                    guard case .money(let money) = row[column.key] else {
                        throw DocumentError.invalidTemplate(
                            "column «\(column.key)» of table «\(table.source)» is totalled but holds a cell that is not money"
                        )
                    }
                    return money
                }
                text.text = try Money.sum(amounts).formatted
            }
            return GridCell(
                text: text, template: totals.label, style: style.with(alignment: column.alignment),
                width: width, fill: table.headerFill)
        }
        return try strip(for: cells, what: "The totals of table «\(table.source)»")
    }

    // MARK: Ruled rows

    /// A cell of a ruled row: its text, style, width in points and optional fill.
    private struct GridCell {
        var text: Placeholders.Filled
        var template: String
        var style: TextStyle
        var width: Double
        var fill: Color?
    }

    /// A ruled row: cells side by side, each text wrapped in its cell and centred vertically, the
    /// row as tall as its tallest cell.
    private func strip(for cells: [GridCell], what: String) throws -> Strip {
        let padding = Self.cellPadding
        let measured = try cells.map { cell in
            let spec = TextSpec(text: cell.text.text, style: cell.style, width: cell.width - 2 * padding.horizontal)
            let metrics = try typesetter.measure(spec, field: cell.text.field(template: cell.template))
            return (spec, metrics)
        }
        let height = (measured.map(\.1.height).max() ?? 0) + 2 * padding.vertical
        var boxes: [PageItem] = []
        var texts: [PageItem] = []
        var x = left
        for (cell, (spec, metrics)) in zip(cells, measured) {
            boxes.append(
                .box(
                    Rect(x: x, y: 0, width: cell.width, height: height), stroke: Self.gridLine.color,
                    lineWidth: Self.gridLine.width, fill: cell.fill, cornerRadius: 0, dashed: false))
            texts.append(.text(spec, x: x + padding.horizontal, y: (height - metrics.height) / 2))
            x += cell.width
        }
        return Strip(height: height, items: boxes + texts, what: what)
    }

    // MARK: Verification

    private func strip(for verification: Block.Verification) throws -> Strip {
        guard let qrText else { throw DocumentError.signerMissing }
        let matrix = try QRMatrix(encoding: qrText)
        let side = Units.points(verification.qrSize)
        let module = verification.qrSize / Double(matrix.size + 2 * QRMatrix.quietZone)
        guard module >= verification.minimumModule else {
            throw DocumentError.qrTooDense(moduleMillimetres: module, minimum: verification.minimumModule)
        }
        let gap = Units.points(3)
        let before = Units.points(verification.spaceBefore)
        var items: [PageItem] = []
        var top = before
        if let template = verification.aside {
            let filled = try Placeholders.fill(template, from: values)
            let spec = TextSpec(text: filled.text, style: verification.asideStyle.with(alignment: .right), width: width)
            let metrics = try typesetter.measure(spec, field: filled.field(template: template))
            items.append(.text(spec, x: left, y: top))
            top += metrics.height + gap
        }
        let filled = try Placeholders.fill(verification.text, from: values)
        let spec = TextSpec(text: filled.text, style: verification.style, width: width - side - gap)
        let metrics = try typesetter.measure(spec, field: filled.field(template: verification.text))
        let height = max(side, metrics.height)
        items.append(.qr(matrix, frame: Rect(x: left, y: top + (height - side) / 2, width: side, height: side)))
        items.append(.text(spec, x: left + side + gap, y: top + (height - metrics.height) / 2))
        return Strip(
            height: top + height, items: items, what: "The verification block")
    }
}
