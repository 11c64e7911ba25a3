/// Renders documents to PDF: one engine for every document, the layout coming from the template.
///
/// Rendering is synchronous and CPU-bound (a one-page certificate takes milliseconds); call it from
/// a task or thread of your choosing. Each call builds its own cairo surface and pango context on
/// the calling thread's font map, so calls on different threads run in parallel safely.
public struct DocumentRenderer: Sendable {
    /// Signs verification payloads; templates with a verification block need one.
    public let signer: (any PayloadSigner)?

    public init(signer: (any PayloadSigner)? = nil) {
        self.signer = signer
    }

    /// Renders `document` with its own template.
    public func render(_ document: some DocumentSource, onPreprintedStock: Bool = false) throws -> RenderedDocument {
        try render(template: document.template, content: document.content(), onPreprintedStock: onPreprintedStock)
    }

    /// Fills `template` with `content`. With `onPreprintedStock`, elements marked preprinted are left
    /// out, for printing onto card or form stock that already carries them.
    public func render(template: DocumentTemplate, content: DocumentContent, onPreprintedStock: Bool = false) throws
        -> RenderedDocument
    {
        var values = content.values
        var sealed: SealedPayload?
        if let signer, let subject = content.verification {
            let payload = VerificationPayload(subject: subject, content: content, keyID: signer.keyID)
            sealed = try SealedPayload(payload: payload, signer: signer)
            values["verification.code"] = sealed?.verificationCode
        } else if template.carriesVerification {
            throw DocumentError.signerMissing
        }

        let page = template.page
        let pageWidth = Units.points(page.width)
        let fixedHeight = page.height.map(Units.points)
        let title = try Placeholders.fill(template.title, from: values).text
        let writer = try PDFWriter(width: pageWidth, height: fixedHeight ?? pageWidth, title: title)
        let typesetter = Typesetter(cairo: writer.cairo, language: template.language)
        try typesetter.requireFonts(template.fontFamilies)
        var images: [String: ImageSurface] = [:]
        for (key, bytes) in content.images { images[key] = try ImageSurface(bytes, key: key) }

        let fixed = try FixedLayout(typesetter: typesetter, values: values, images: Set(images.keys))
            .items(for: template.fixed, omittingPreprinted: onPreprintedStock)
        let left = Units.points(page.margins.left)
        let textWidth = pageWidth - left - Units.points(page.margins.right)
        func flow(_ values: [String: String]) -> FlowLayout {
            FlowLayout(
                typesetter: typesetter, values: values, tables: content.tables, left: left, width: textWidth,
                qrText: sealed?.qrText)
        }
        // Headers and footers are measured with placeholder page numbers: their height must be known
        // before the body is paginated, their text only when the page count is.
        var sample = values
        sample["page"] = "888"
        sample["pages"] = "888"
        let headerHeight = try flow(sample).stack(template.header).height
        let footerHeight = try flow(sample).stack(template.footer).height

        let top = Units.points(page.margins.top) + headerHeight
        let bottomMargin = Units.points(page.margins.bottom)
        var paginator = Paginator(top: top, bottom: fixedHeight.map { $0 - bottomMargin - footerHeight } ?? .infinity)
        try paginator.place(flow(values).strips(for: template.body))
        let pageHeight = fixedHeight ?? paginator.y + footerHeight + bottomMargin

        let painter = Painter(cairo: writer.cairo, typesetter: typesetter, images: images)
        let pages = paginator.pages
        for (index, body) in pages.enumerated() {
            var pageValues = values
            pageValues["page"] = String(index + 1)
            pageValues["pages"] = String(pages.count)
            let header = try flow(pageValues).stack(template.header).items
            let footer = try flow(pageValues).stack(template.footer).items
            writer.beginPage(width: pageWidth, height: pageHeight)
            painter.paint(fixed)
            painter.paint(header.map { $0.offsetBy(dy: Units.points(page.margins.top)) })
            painter.paint(body)
            painter.paint(footer.map { $0.offsetBy(dy: pageHeight - bottomMargin - footerHeight) })
            try writer.endPage()
        }
        return RenderedDocument(
            pdf: try writer.finish(), pageCount: pages.count, pageWidth: pageWidth, pageHeight: pageHeight,
            verification: sealed)
    }
}
