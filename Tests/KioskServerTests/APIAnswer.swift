import Foundation

/// Reading the API's JSON answers in tests.
enum APIAnswer {
    /// An ISO 8601 instant of an answer.
    static func date(_ text: String) -> Date? { try? Date(text, strategy: .iso8601) }

    /// The lines of a list's answer, or nil when it is no list.
    static func lines(_ text: String) -> [[String: Any]]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]]
    }
}
