/// The styles and building blocks the built-in templates share, so that every document of the
/// terminal looks like one family.
///
/// Certificates are set in one family, Noto Serif CJK (宋体-like) regular and bold, as Chinese
/// official forms are. One family is also the faster choice: cairo loads and subsets every font
/// face anew for each PDF, about 20 ms apiece for a CJK face.
enum TemplateKit {
    static let ink = Color(hex: 0x1A1A1A)
    static let muted = Color(hex: 0x5A5A5A)
    static let labelFill = Color(hex: 0xF0F2F5)
    static let headerFill = Color(hex: 0xE4E8EE)
    static let stripeFill = Color(hex: 0xF7F8FA)

    static let title = TextStyle(
        font: TextStyle.serif, size: 20, bold: true, alignment: .center, color: ink,
        letterSpacing: 3)
    static let body = TextStyle(font: TextStyle.serif, size: 11, color: ink, lineSpacing: 1.5)
    static let small = TextStyle(font: TextStyle.serif, size: 8, color: muted)
    static let label = TextStyle(font: TextStyle.serif, size: 9.5, bold: true, color: ink)
    static let value = TextStyle(font: TextStyle.serif, size: 9.5, color: ink)
    static let tableHeader = TextStyle(font: TextStyle.serif, size: 9, bold: true, alignment: .center, color: ink)
    static let tableBody = TextStyle(font: TextStyle.serif, size: 9, color: ink)

    /// The document title: spaced-out characters in Chinese, plain and smaller in English, where
    /// titles run longer.
    static func documentTitle(_ language: DocumentLanguage, englishSize: Double = 17) -> TextStyle {
        var style = title
        if language == .english {
            style.size = englishSize
            style.letterSpacing = 0
        }
        return style
    }

    /// A text in the document's language.
    static func localised(_ language: DocumentLanguage) -> (_ chinese: String, _ english: String) -> String {
        { chinese, english in language == .chinese ? chinese : english }
    }

    static func paragraph(
        _ text: String, _ style: TextStyle, before: Double = 0, after: Double = 0, keepWithNext: Bool = false
    ) -> Block {
        .paragraph(
            Block.Paragraph(text, style: style, spaceBefore: before, spaceAfter: after, keepWithNext: keepWithNext))
    }

    /// The page footer of A4 documents: serial number, short code and page count.
    static func a4Footer(_ language: DocumentLanguage, verified: Bool) -> [Block] {
        let text = localised(language)
        let code = verified ? text("　验证码 {verification.code}", "  Code {verification.code}") : ""
        return [
            .rule(Block.Rule(thickness: 0.4, color: muted, spacing: 1)),
            paragraph(
                text("编号 {issue.serial}", "No. {issue.serial}") + code
                    + text("　第 {page} 页 / 共 {pages} 页", "  Page {page} of {pages}"),
                small.with(alignment: .center)),
        ]
    }

    /// The verification block: the QR code, the short code and how to use them, and with `signed`
    /// the issuing office and date above it, kept on one page with the code.
    static func verification(_ language: DocumentLanguage, qrSize: Double = 30, before: Double = 6, signed: Bool = true)
        -> Block
    {
        let text = localised(language)
        return .verification(
            Block.Verification(
                qrSize: qrSize,
                text: text(
                    "验证码：{verification.code}\n扫描二维码，或凭验证码向社会保险经办机构核验本件真伪。\n编号：{issue.serial}",
                    "Verification code: {verification.code}\nScan the QR code, or quote the code to a social "
                        + "insurance office, to confirm this document is genuine.\nNo. {issue.serial}"),
                style: TextStyle(font: TextStyle.serif, size: 8.5, color: ink, lineSpacing: 1.4),
                aside: signed
                    ? text("经办机构：{office.name}\n出具日期：{issue.date}", "Issued by {office.name}\n{issue.date}") : nil,
                asideStyle: body, spaceBefore: before))
    }
}
