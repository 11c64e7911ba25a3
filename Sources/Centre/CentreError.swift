import CodedErrors

/// An error of the centre: what happened and what the terminal's technician or the centre's
/// operator should do. Said in Chinese and English, with the HTTP status the sync service answers.
/// Messages never carry personal data or tokens.
public struct CentreError: CodedError {
    public enum Code: String, Hashable, Sendable {
        case missingToken = "missing-token"
        case unknownToken = "unknown-token"
        case outsideJurisdiction = "outside-jurisdiction"
        case malformedCursor = "malformed-cursor"
        case malformedBody = "malformed-body"
        case malformedCertificateCode = "malformed-certificate-code"
        case tooManyCommands = "too-many-commands"
        case terminalExists = "terminal-exists"
        case malformedDatabaseURL = "malformed-database-url"
        case schemaTooNew = "schema-too-new"
        case unknownHolder = "unknown-holder"
        case unknownBatch = "unknown-batch"
        case ledgerHeadBehind = "ledger-head-behind"
        case ledgerHeadDiffers = "ledger-head-differs"
        case internalError = "internal"
    }

    public let code: Code
    public let messageChinese: String
    /// What went wrong and what to do, in English.
    public let message: String
    public let httpStatus: Int

    private init(_ code: Code, status: Int, chinese: String, english: String) {
        self.code = code
        self.httpStatus = status
        self.messageChinese = chinese
        self.message = english
    }

    /// The stable code clients branch on.
    public var codeName: String { code.rawValue }
    public static let missingToken = Self(
        .missingToken, status: 401, chinese: "请求未携带终端令牌。",
        english:
            "The request has no `Authorization: Bearer` token. Configure the terminal with the token it was registered with."
    )

    public static let unknownToken = Self(
        .unknownToken, status: 403, chinese: "终端令牌无效，中心拒绝服务。",
        english:
            "The centre does not know this token. Register the terminal again (`sskiosk centre register-terminal`) and install the new token."
    )

    public static let outsideJurisdiction = Self(
        .outsideJurisdiction, status: 403, chinese: "所请求的区划不在本终端的管辖范围内。",
        english: "The region asked for lies outside this terminal's jurisdiction. Ask only for the terminal's own area."
    )

    public static let malformedCursor = Self(
        .malformedCursor, status: 400, chinese: "同步游标无效。",
        english: "The `after` cursor is not one this centre handed out. Start again from an empty cursor (a full load)."
    )

    public static let malformedBody = Self(
        .malformedBody, status: 400, chinese: "请求内容格式有误。",
        english: "The request body is not the JSON this endpoint expects (docs/SYNC.md).")

    public static let unknownBatch = Self(
        .unknownBatch, status: 404, chinese: "没有这个制卡批次。",
        english: "The centre has no production batch with this id. Check the id `centre batch start` printed.")

    public static let malformedCertificateCode = Self(
        .malformedCertificateCode, status: 422, chinese: "二维码内容无法识别，不是本系统出具的凭证。",
        english:
            "The scanned text is not a certificate code of this system (SSK1: and a signed payload). Scan the code again."
    )

    public static func tooManyCommands(limit: Int) -> Self {
        Self(
            .tooManyCommands, status: 413, chinese: "一次提交的指令过多，每次最多\(limit)条。",
            english: "Too many commands in one request: send at most \(limit) at a time.")
    }

    public static let terminalExists = Self(
        .terminalExists, status: 409, chinese: "该终端编号已登记。",
        english: "A terminal with this id is registered already. Choose another id.")

    public static let malformedDatabaseURL = Self(
        .malformedDatabaseURL, status: 500, chinese: "PostgreSQL 连接地址格式有误。",
        english:
            "The PostgreSQL URL is not postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (no host: the local socket).")

    public static let schemaTooNew = Self(
        .schemaTooNew, status: 500, chinese: "数据库由更新版本的中心程序创建。",
        english:
            "The database has migrations this centre does not know: it was made by a newer version. Upgrade the centre."
    )

    public static let unknownHolder = Self(
        .unknownHolder, status: 422, chinese: "卡片持有人不在中心的人员记录中。",
        english: "A card in the data being loaded belongs to a person the centre does not have. Load the people first.")

    /// A terminal's ledger head with a lower sequence than the one anchored: entries were cut off
    /// its ledger, or the ledger was replaced, after the centre anchored it. Answered in the push's
    /// `ledgerAnchor`, not as the request's status: the push's commands are applied as usual.
    public static func ledgerHeadBehind(offered: Int64, anchored: Int64) -> Self {
        Self(
            .ledgerHeadBehind, status: 409,
            chinese: "终端台账的最新条目（第\(offered)条）早于中心已锚定的第\(anchored)条：台账可能被截断或替换，请核查。",
            english:
                "The terminal's ledger ends at entry \(offered), before entry \(anchored) the centre anchored: "
                + "its ledger was cut back or replaced. Check the terminal (`sskiosk ledger verify`).")
    }

    /// A terminal's ledger head with the anchored sequence but another chain value: the ledger was
    /// rewritten up to there.
    public static func ledgerHeadDiffers(sequence: Int64) -> Self {
        Self(
            .ledgerHeadDiffers, status: 409, chinese: "终端台账第\(sequence)条与中心锚定的不一致：台账可能被改写，请核查。",
            english:
                "The terminal's ledger entry \(sequence) is not the one the centre anchored: its ledger was rewritten. "
                + "Check the terminal (`sskiosk ledger verify`).")
    }

    public static let internalError = Self(
        .internalError, status: 500, chinese: "中心出现错误，请稍后重试。",
        english:
            "Something went wrong at the centre. The terminal retries by itself; if it goes on, look at the centre's log."
    )
}
