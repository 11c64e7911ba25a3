/// Fills `{key}` placeholders of template texts; `{{` and `}}` stand for literal braces.
enum Placeholders {
    /// The filled text and the keys it used (for error messages that say which field failed).
    struct Filled: Hashable {
        var text: String
        var keys: [String]

        /// How an error names the text: its placeholders, or the start of the template text when it has none.
        func field(template: String) -> String {
            guard keys.isEmpty else { return keys.map { "{\($0)}" }.joined(separator: " ") }
            return "«" + (template.count > 24 ? template.prefix(24) + "…" : template) + "»"
        }
    }

    static func fill(_ template: String, from values: [String: String]) throws -> Filled {
        guard template.contains(where: { $0 == "{" || $0 == "}" }) else { return Filled(text: template, keys: []) }
        var text = ""
        var keys: [String] = []
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if character == "}" {
                text.append("}")
                index = next < template.endIndex && template[next] == "}" ? template.index(after: next) : next
                continue
            }
            guard character == "{" else {
                text.append(character)
                index = next
                continue
            }
            if next < template.endIndex, template[next] == "{" {
                text.append("{")
                index = template.index(after: next)
                continue
            }
            guard let close = template[next...].firstIndex(of: "}") else {
                throw DocumentError.malformedPlaceholder(template)
            }
            let key = String(template[next..<close])
            guard let value = values[key] else { throw DocumentError.missingValue(key) }
            text += value
            keys.append(key)
            index = template.index(after: close)
        }
        return Filled(text: text, keys: keys)
    }
}
