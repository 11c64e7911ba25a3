import ArgumentParser
import Foundation

/// What an operator publishes from a JSON file (years of the calendar, service routes): one record
/// or a list, every one checked before any is published, and what is wrong said in plain words.
enum PublishedFile {
    /// The records of `file`, or a ``ValidationError`` naming `shape` when it holds none of them, or
    /// listing `problems` (the check of the whole list) when any is wrong.
    static func records<Record: Decodable>(
        in file: String, shape: String, problems: ([Record]) -> [String]
    ) throws -> [Record] {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let decoder = JSONDecoder()
        guard
            let records = (try? decoder.decode([Record].self, from: data))
                ?? (try? decoder.decode(Record.self, from: data)).map({ [$0] })
        else { throw ValidationError("\(file) is not \(shape)") }
        let found = problems(records)
        guard found.isEmpty, !records.isEmpty else {
            throw ValidationError(
                (found.isEmpty ? ["\(file) holds nothing to publish"] : found).joined(separator: "\n")
                    + "\nNothing was published.")
        }
        return records
    }
}
