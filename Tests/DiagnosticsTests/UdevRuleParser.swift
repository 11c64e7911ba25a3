/// A strict reader of udev rules files (udev(7)), for checking ours where `udevadm verify` is
/// missing (systemd before 253, such as Debian 12's 252).
///
/// A rule is one line (a trailing backslash continues it) of comma-separated `KEY{attribute}OP"value"`
/// pairs. Only the keys these rules may use are accepted, each with the operators udev allows for
/// it; anything else is an error naming the line, as udev would log it and then skip the rule.
enum UdevRuleParser {
    struct Pair: Hashable {
        var key: String
        var attribute: String?
        var op: String
        var value: String
    }

    struct Rule {
        var line: Int
        var pairs: [Pair]

        /// The value of the first pair with this key, attribute and operator.
        func value(_ key: String, _ attribute: String? = nil, op: String) -> String? {
            pairs.first { $0.key == key && $0.attribute == attribute && $0.op == op }?.value
        }
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    private static let matchOperators: Set<String> = ["==", "!="]
    private static let assignOperators: Set<String> = ["=", "+=", "-=", ":="]

    /// Operators per key; keys marked with an attribute take one in braces.
    private static let keys: [String: (attribute: Bool, operators: Set<String>)] = [
        "ACTION": (false, matchOperators), "SUBSYSTEM": (false, matchOperators),
        "SUBSYSTEMS": (false, matchOperators), "KERNEL": (false, matchOperators), "DRIVER": (false, matchOperators),
        "ATTRS": (true, matchOperators), "TEST": (false, matchOperators),
        "ATTR": (true, matchOperators.union(["="])), "ENV": (true, matchOperators.union(assignOperators)),
        "GROUP": (false, ["=", ":="]), "OWNER": (false, ["=", ":="]), "MODE": (false, ["=", ":="]),
        "SYMLINK": (false, matchOperators.union(assignOperators)),
        "TAG": (false, matchOperators.union(assignOperators)),
        "RUN": (true, ["=", "+=", ":="]), "GOTO": (false, ["="]), "LABEL": (false, ["="]),
    ]

    static func parse(_ text: String) throws(SyntaxError) -> [Rule] {
        var rules: [Rule] = []
        var pending = ""
        var pendingLine = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            if pending.isEmpty { pendingLine = line }
            var content = String(raw)
            if content.hasSuffix("\\") {
                content.removeLast()
                pending += content
                continue
            }
            content = pending + content
            pending = ""
            let trimmed = content.trimmingWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            rules.append(Rule(line: pendingLine, pairs: try pairs(in: trimmed, line: pendingLine)))
        }
        guard pending.isEmpty else { throw SyntaxError(line: pendingLine, reason: "the file ends in a continued line") }
        let labels = Set(rules.compactMap { $0.value("LABEL", op: "=") })
        for rule in rules {
            if let target = rule.value("GOTO", op: "="), !labels.contains(target) {
                throw SyntaxError(line: rule.line, reason: "GOTO \"\(target)\" has no LABEL")
            }
        }
        return rules
    }

    private static func pairs(in text: String, line: Int) throws(SyntaxError) -> [Pair] {
        var rest = Substring(text)
        var pairs: [Pair] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            let key = String(rest.prefix { $0.isUppercase || $0 == "_" })
            guard !key.isEmpty else {
                throw SyntaxError(line: line, reason: "expected a key at \"\(rest.prefix(20))\"")
            }
            guard let rule = keys[key] else { throw SyntaxError(line: line, reason: "unknown key \(key)") }
            rest = rest.dropFirst(key.count)
            var attribute: String?
            if rest.first == "{" {
                guard let close = rest.firstIndex(of: "}") else {
                    throw SyntaxError(line: line, reason: "\(key){ is not closed")
                }
                attribute = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            }
            guard (attribute != nil) == rule.attribute || key == "RUN" else {
                throw SyntaxError(
                    line: line, reason: rule.attribute ? "\(key) needs {attribute}" : "\(key) takes no {attribute}")
            }
            rest = rest.drop { $0 == " " }
            guard let op = ["==", "!=", "+=", "-=", ":=", "="].first(where: { rest.hasPrefix($0) }) else {
                throw SyntaxError(line: line, reason: "\(key) has no operator")
            }
            guard rule.operators.contains(op) else { throw SyntaxError(line: line, reason: "\(key) cannot take \(op)") }
            rest = rest.dropFirst(op.count).drop { $0 == " " }
            guard rest.first == "\"" else { throw SyntaxError(line: line, reason: "the value of \(key) is not quoted") }
            rest = rest.dropFirst()
            guard let quote = rest.firstIndex(of: "\"") else {
                throw SyntaxError(line: line, reason: "the value of \(key) has no closing quote")
            }
            let value = String(rest[..<quote])
            rest = rest[rest.index(after: quote)...].drop { $0 == " " || $0 == "\t" }
            try validate(key: key, value: value, line: line)
            pairs.append(Pair(key: key, attribute: attribute, op: op, value: value))
            if rest.isEmpty { return pairs }
            guard rest.first == "," else {
                throw SyntaxError(
                    line: line, reason: "expected a comma after \(key)'s value, found \"\(rest.prefix(10))\"")
            }
            rest = rest.dropFirst()
        }
    }

    private static func validate(key: String, value: String, line: Int) throws(SyntaxError) {
        switch key {
        case "MODE":
            guard (3...4).contains(value.count), value.allSatisfy({ ("0"..."7").contains($0) }) else {
                throw SyntaxError(line: line, reason: "MODE \"\(value)\" is not an octal mode")
            }
        case "GROUP", "OWNER":
            guard let first = value.first, first.isLowercase || first == "_",
                value.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-" })
            else { throw SyntaxError(line: line, reason: "\(key) \"\(value)\" is not a user or group name") }
        case "SYMLINK":
            guard !value.hasPrefix("/"), !value.contains(" "), !value.isEmpty else {
                throw SyntaxError(line: line, reason: "SYMLINK \"\(value)\" must be relative to /dev, without spaces")
            }
        default:
            break
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
