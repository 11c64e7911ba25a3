import Foundation

/// Every word the pages show or speak, in Chinese and English (`Resources/strings.json`). The
/// server renders a page's first text from it, and the page gets both tables to switch language
/// without a reload (a reload would end nothing, but would lose the resident's place).
struct PageStrings: Sendable {
    private let tables: [PageLanguage: [String: String]]
    /// Both tables as the page's JSON island.
    let json: String

    init(data: Data) throws {
        guard let decoded = try? JSONDecoder().decode([String: [String: String]].self, from: data) else {
            throw KioskWebError.missingResources("strings.json (not a table of strings per language)")
        }
        var tables: [PageLanguage: [String: String]] = [:]
        for language in PageLanguage.allCases {
            guard let table = decoded[language.rawValue] else {
                throw KioskWebError.missingResources("strings.json (no \(language.rawValue) table)")
            }
            tables[language] = table
        }
        self.tables = tables
        // `</` cannot close the script element the JSON sits in.
        json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }

    func table(_ language: PageLanguage) -> [String: String] { tables[language] ?? [:] }

    func text(_ key: String, in language: PageLanguage) -> String? { tables[language]?[key] }
}
