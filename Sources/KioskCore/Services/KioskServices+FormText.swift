/// The free text of the desk's forms.
extension KioskServices {
    /// Free text of a form, trimmed, at most 200 characters; nil when empty and not required.
    static func text(_ text: String?, field: String, required: Bool, chinese: String) throws(KioskError)
        -> String?
    {
        let trimmed = (text ?? "").trimmingSpaces
        guard !trimmed.isEmpty || !required, trimmed.count <= 200 else {
            throw .invalid(
                field, chinese: "请填写\(chinese)（不超过200字）。",
                english: "Fill in the \(field), at most 200 characters.")
        }
        return trimmed.isEmpty ? nil : trimmed
    }
}
