/// A service's guide (办事指南) as the county publishes it for every terminal: what to bring, the
/// steps, the fee and the legal basis, shown on the idle kiosk in large type and read aloud on
/// request. The time limit is the service's own (``ApplicationKind/timeLimitDays``), never typed twice.
public struct ServiceGuide: Codable, Hashable, Sendable {
    public var kind: ApplicationKind
    /// 申请材料, one item each.
    public var materials: [String]
    /// 办理流程, in order.
    public var steps: [String]
    /// 收费标准 ("不收费" for most).
    public var fee: String
    /// 设定依据: the law or regulation.
    public var legalBasis: String

    public init(kind: ApplicationKind, materials: [String], steps: [String], fee: String, legalBasis: String) {
        self.kind = kind
        self.materials = materials
        self.steps = steps
        self.fee = fee
        self.legalBasis = legalBasis
    }

    /// What is wrong with the guide, in plain words; empty when it may be published.
    public var problems: [PublicationProblem] {
        var problems: [PublicationProblem] = []
        let (name, 名) = (kind.rawValue, kind.chineseName)
        if materials.isEmpty || materials.count > 30 {
            problems.append(.init("\(name): 1 to 30 materials", chinese: "\(名)：申请材料应为1至30项"))
        }
        if steps.isEmpty || steps.count > 20 {
            problems.append(.init("\(name): 1 to 20 steps", chinese: "\(名)：办理流程应为1至20步"))
        }
        if (materials + steps).contains(where: { $0.isEmpty || $0.count > 200 }) {
            problems.append(
                .init(
                    "\(name): a material or step is empty or longer than 200 characters",
                    chinese: "\(名)：每项材料或每一步不能为空，也不能超过200字"))
        }
        if fee.isEmpty || fee.count > 100 {
            problems.append(
                .init(
                    "\(name): the fee is empty or longer than 100 characters",
                    chinese: "\(名)：收费标准不能为空，也不能超过100字"))
        }
        if legalBasis.isEmpty || legalBasis.count > 300 {
            problems.append(
                .init(
                    "\(name): the legal basis is empty or longer than 300 characters",
                    chinese: "\(名)：设定依据不能为空，也不能超过300字"))
        }
        return problems
    }

    /// What is wrong with publishing `guides` together: each one's problems, a service no longer
    /// filed, a service twice.
    public static func problems(of guides: [ServiceGuide]) -> [PublicationProblem] {
        let repeated = Dictionary(grouping: guides, by: \.kind).filter { $0.value.count > 1 }.keys
        return guides.flatMap(\.problems)
            + guides.filter { !$0.kind.isFiled }.map {
                .init("\($0.kind.rawValue) is not a service any more", chinese: "\($0.kind.chineseName)已不再单独办理")
            }
            + repeated.sorted { $0.rawValue < $1.rawValue }.map {
                .init("\($0.rawValue) is in the file more than once", chinese: "\($0.chineseName)重复出现")
            }
    }

    /// The guide as one text, as it is read aloud and as staff preview it.
    public var text: String {
        let limit = kind.timeLimitDays == 0 ? "当场办结" : "\(kind.timeLimitDays)个工作日"
        return [
            "\(kind.chineseName)。",
            "申请材料：" + Self.numbered(materials),
            "办理流程：" + Self.numbered(steps),
            "办理时限：\(limit)。",
            "收费标准：\(fee)。",
            "设定依据：\(legalBasis)。",
        ].joined(separator: "\n")
    }

    private static func numbered(_ items: [String]) -> String {
        items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "；") + "。"
    }
}
