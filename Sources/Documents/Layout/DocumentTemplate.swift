/// A document's layout as data: the sheet, what sits at fixed places, and the blocks that flow down
/// the pages between a header and a footer repeated on each.
///
/// Texts take the document's values through `{key}` placeholders (each document type lists its
/// keys); header and footer can also use `{page}` and `{pages}`, and any text
/// `{verification.code}` when the document is signed. Templates are `Codable`, so a region can ship
/// its own layout (a card face, a certificate in its own wording) as JSON without a new build;
/// `sskiosk document template KIND` prints a built-in one to start from.
public struct DocumentTemplate: Hashable, Sendable, Codable {
    /// The PDF's title, with placeholders.
    public var title: String
    public var language: DocumentLanguage
    public var page: PageSetup
    public var fixed: [FixedElement]
    public var header: [Block]
    public var body: [Block]
    public var footer: [Block]

    public init(
        title: String, language: DocumentLanguage, page: PageSetup, fixed: [FixedElement] = [], header: [Block] = [],
        body: [Block] = [], footer: [Block] = []
    ) {
        self.title = title
        self.language = language
        self.page = page
        self.fixed = fixed
        self.header = header
        self.body = body
        self.footer = footer
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        language = try container.decode(DocumentLanguage.self, forKey: .language, default: .chinese)
        page = try container.decode(PageSetup.self, forKey: .page)
        fixed = try container.decode([FixedElement].self, forKey: .fixed, default: [])
        header = try container.decode([Block].self, forKey: .header, default: [])
        body = try container.decode([Block].self, forKey: .body, default: [])
        footer = try container.decode([Block].self, forKey: .footer, default: [])
    }

    /// Whether the template prints a verification QR code, so rendering needs a signer.
    var carriesVerification: Bool {
        (header + body + footer).contains { if case .verification = $0 { true } else { false } }
    }

    /// Every font family the template names, checked before anything is drawn.
    var fontFamilies: Set<String> {
        var families = Set<String>()
        for block in header + body + footer {
            switch block {
            case .paragraph(let paragraph): families.insert(paragraph.style.font)
            case .fields(let grid): families.formUnion([grid.labelStyle.font, grid.valueStyle.font])
            case .table(let table): families.formUnion([table.headerStyle.font, table.bodyStyle.font])
            case .verification(let verification):
                families.formUnion([verification.style.font, verification.asideStyle.font])
            case .spacer, .rule: break
            }
        }
        for element in fixed {
            switch element {
            case .text(let text): families.insert(text.style.font)
            case .image(let image): families.insert(image.placeholderStyle.font)
            case .box: break
            }
        }
        return families
    }
}
