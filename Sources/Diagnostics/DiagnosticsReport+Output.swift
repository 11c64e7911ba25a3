import Foundation

extension DiagnosticsReport {
    /// The report for a person: checks grouped by category, one line each, the fix under anything
    /// that did not pass, and the verdict last. `colour` adds ANSI colours (for a terminal only).
    public func text(colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func label(_ status: CheckStatus) -> String {
            switch status {
            case .pass: paint("PASS", "32")
            case .warn: paint("WARN", "33")
            case .fail: paint("FAIL", "31;1")
            }
        }
        let width = checks.map(\.name.count).max() ?? 0
        let indent = String(repeating: " ", count: 2 + 4 + 2 + width + 2)
        var lines: [String] = []
        var categories: [CheckCategory] = []
        for check in checks where !categories.contains(check.category) { categories.append(check.category) }
        for category in categories {
            lines.append(paint(category.rawValue.prefix(1).uppercased() + category.rawValue.dropFirst(), "1"))
            for check in checks where check.category == category {
                let name = check.name.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("  \(label(check.status))  \(name)  \(check.result.cause)")
                if let fix = check.result.fix { lines.append("\(indent)fix: \(fix)") }
            }
        }
        let counts = CheckStatus.allCases.map { status in "\(checks.filter { $0.status == status }.count) \(status)" }
        let seconds = (durationMilliseconds / 1000).formatted(maximumFractionDigits: 2)
        lines.append(
            "\(label(status)) (exit \(exitCode)): \(checks.count) checks in \(seconds) s, \(counts.joined(separator: ", "))"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report for tools: the overall status and exit code, then every check with its details.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Only strings, finite numbers, booleans, arrays and dictionaries: encoding cannot fail.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
