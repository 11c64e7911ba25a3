/// A guide or a notice as the console shows it: the record, the text a kiosk shows and reads aloud,
/// and what stops it being published (empty when nothing does).
struct ConsolePublication<Record: Encodable & Sendable>: Encodable, Sendable {
    var record: Record
    var text: String
    var problems: [String]
}
