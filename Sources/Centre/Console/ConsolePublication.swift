import KioskCore

/// A guide or a notice as the console shows it: the record, the text a kiosk shows and reads aloud,
/// and what stops it being published, in both languages (empty when nothing does).
struct ConsolePublication<Record: Encodable & Sendable>: Encodable, Sendable {
    var record: Record
    var text: String
    var problems: [String]
    var problemsChinese: [String]

    init(record: Record, text: String, problems: [PublicationProblem]) {
        self.record = record
        self.text = text
        self.problems = problems.map(\.english)
        problemsChinese = problems.map(\.chinese)
    }
}
