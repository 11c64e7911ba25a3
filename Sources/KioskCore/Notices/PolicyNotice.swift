/// A policy notice the county publishes for every kiosk (政策公告), shown with no card in between
/// its first and last day and read aloud on request.
public struct PolicyNotice: Codable, Hashable, Sendable {
    /// The county's own id for it: letters, digits and hyphens.
    public var id: String
    public var title: String
    public var body: String
    /// The first and last day it is shown ("YYYY-MM-DD", China's calendar).
    public var from: String
    public var until: String

    public init(id: String, title: String, body: String, from: String, until: String) {
        self.id = id
        self.title = title
        self.body = body
        self.from = from
        self.until = until
    }

    /// Whether it is shown on `day` ("YYYY-MM-DD").
    public func isShown(on day: String) -> Bool { from <= day && day <= until }

    /// What is wrong with the notice, in plain words; empty when it may be published.
    public var problems: [PublicationProblem] {
        var problems: [PublicationProblem] = []
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        if id.isEmpty || id.count > 40 || !id.allSatisfy(allowed.contains) {
            problems.append(
                .init(
                    "\"\(id)\": the id is 1 to 40 letters, digits or hyphens",
                    chinese: "“\(id)”：公告编号应为1至40个字母、数字或连字符"))
        }
        if title.isEmpty || title.count > 60 {
            problems.append(.init("\(id): the title is 1 to 60 characters", chinese: "\(id)：标题应为1至60字"))
        }
        if body.isEmpty || body.count > 2_000 {
            problems.append(.init("\(id): the text is 1 to 2,000 characters", chinese: "\(id)：正文应为1至2000字"))
        }
        if WorkingCalendar.date(from) == nil || WorkingCalendar.date(until) == nil || until < from {
            problems.append(
                .init(
                    "\(id): from and until are days as YYYY-MM-DD, until not before from",
                    chinese: "\(id)：请填写开始和结束显示日期，结束日期不能早于开始日期"))
        }
        return problems
    }

    /// What is wrong with publishing `notices` together: each one's problems, an id twice.
    public static func problems(of notices: [PolicyNotice]) -> [PublicationProblem] {
        let repeated = Dictionary(grouping: notices, by: \.id).filter { $0.value.count > 1 }.keys
        return notices.flatMap(\.problems)
            + repeated.sorted().map { .init("\($0) is in the file more than once", chinese: "\($0)重复出现") }
    }

    /// The notice as one text, as it is read aloud and as staff preview it.
    public var text: String { "\(title)。\n\(body)" }
}
