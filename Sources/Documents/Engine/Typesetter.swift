import CCairo
import CPango

/// Sets text with pango on the thread's fontconfig font map: measures it for layout, checks that
/// every character has a glyph, and draws it.
///
/// Measurement keeps no layouts (a 200-page statement would hold hundreds of thousands), only sizes
/// by text; drawing keeps a bounded cache, because statements repeat the same few texts.
final class Typesetter {
    private let context: OpaquePointer
    private var metrics: [TextSpec: TextMetrics] = [:]
    private var layouts: [TextSpec: PangoLayoutHandle] = [:]
    private static let layoutCacheLimit = 2048

    init(cairo: OpaquePointer, language: DocumentLanguage) {
        let fontMap = pango_cairo_font_map_get_default()
        context = pango_font_map_create_context(fontMap)
        // Layout in points, with unhinted metrics: the PDF is resolution-independent, and
        // measurement must not depend on the printer's resolution.
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string(language.pangoTag))
        pango_cairo_update_context(cairo, context)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// Fails unless every family is installed: fontconfig would otherwise quietly substitute one.
    func requireFonts(_ families: Set<String>) throws {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(pango_context_get_font_map(context), &list, &count)
        defer { g_free(list) }
        var installed = Set<String>()
        for index in 0..<Int(count) {
            if let family = list?[index], let name = pango_font_family_get_name(family) {
                installed.insert(String(cString: name).lowercased())
            }
        }
        for family in families.sorted() where !installed.contains(family.lowercased()) {
            throw DocumentError.fontMissing(family)
        }
    }

    /// The text's size; throws ``DocumentError/unrenderableText(in:characters:)`` naming the
    /// characters no font has, with `field` saying where they are.
    func measure(_ spec: TextSpec, field: @autoclosure () -> String) throws -> TextMetrics {
        if let known = metrics[spec] { return known }
        let layout = makeLayout(spec)
        if pango_layout_get_unknown_glyphs_count(layout.pointer) > 0 {
            throw DocumentError.unrenderableText(in: field(), characters: unrenderableCharacters(of: spec))
        }
        var width: Int32 = 0
        var height: Int32 = 0
        pango_layout_get_size(layout.pointer, &width, &height)
        let measured = TextMetrics(
            width: Double(width) / Double(PANGO_SCALE), height: Double(height) / Double(PANGO_SCALE),
            lines: Int(pango_layout_get_line_count(layout.pointer)))
        metrics[spec] = measured
        return measured
    }

    /// Draws a text measured before, its top-left corner at (x, y).
    func draw(_ spec: TextSpec, x: Double, y: Double, on cairo: OpaquePointer) {
        let layout: PangoLayoutHandle
        if let cached = layouts[spec] {
            layout = cached
        } else {
            if layouts.count >= Self.layoutCacheLimit { layouts.removeAll(keepingCapacity: true) }
            layout = makeLayout(spec)
            layouts[spec] = layout
        }
        let (red, green, blue) = spec.style.color.unitComponents
        cairo_set_source_rgb(cairo, red, green, blue)
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout.pointer)
    }

    private func makeLayout(_ spec: TextSpec) -> PangoLayoutHandle {
        let layout = PangoLayoutHandle(pango_layout_new(context))
        let style = spec.style
        let font = pango_font_description_new()
        pango_font_description_set_family(font, style.font)
        pango_font_description_set_size(font, Int32((style.size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout.pointer, font)
        pango_font_description_free(font)

        let attributes = pango_attr_list_new()
        // Tabular figures line up amounts and dates in columns.
        pango_attr_list_insert(attributes, pango_attr_font_features_new("tnum"))
        if style.letterSpacing != 0 {
            pango_attr_list_insert(
                attributes, pango_attr_letter_spacing_new(Int32((style.letterSpacing * Double(PANGO_SCALE)).rounded())))
        }
        pango_layout_set_attributes(layout.pointer, attributes)
        pango_attr_list_unref(attributes)

        if style.lineSpacing > 0 { pango_layout_set_line_spacing(layout.pointer, Float(style.lineSpacing)) }
        if let width = spec.width {
            pango_layout_set_width(layout.pointer, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout.pointer, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_alignment(layout.pointer, style.alignment.pango)
        }
        pango_layout_set_text(layout.pointer, spec.text, -1)
        return layout
    }

    /// The characters of a text that come out as unknown glyphs, each set alone in the text's style.
    private func unrenderableCharacters(of spec: TextSpec) -> [Unicode.Scalar] {
        var found: [Unicode.Scalar] = []
        for scalar in spec.text.unicodeScalars
        where !scalar.properties.isWhitespace && !found.contains(scalar) {
            let single = makeLayout(TextSpec(text: String(scalar), style: spec.style, width: nil))
            if pango_layout_get_unknown_glyphs_count(single.pointer) > 0 { found.append(scalar) }
        }
        return found
    }
}

extension TextAlignment {
    fileprivate var pango: PangoAlignment {
        switch self {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
    }
}
