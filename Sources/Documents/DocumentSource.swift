/// A document type: data that knows its default layout and how it fills a template.
///
/// The terminal service maps its domain into one of these plain structs; the renderer does the rest.
public protocol DocumentSource: Sendable {
    /// The layout used unless the caller passes another (a region's own, say).
    var template: DocumentTemplate { get }
    /// The values, tables, images and verification subject the template is filled with.
    func content() throws -> DocumentContent
}
