import CodedErrors
import KioskCore

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
        case bodyTooLarge = "body-too-large"
        case unsupportedContentEncoding = "unsupported-content-encoding"
        case unreadableCompressedBody = "unreadable-compressed-body"
        case tooManySnapshots = "too-many-snapshots"
        case tooManyEnrolmentAttempts = "too-many-enrolment-attempts"
        case snapshotExpired = "snapshot-expired"
        case terminalExists = "terminal-exists"
        case malformedDatabaseURL = "malformed-database-url"
        case passwordInDatabaseURL = "password-in-database-url"
        case databaseUnreachable = "database-unreachable"
        case schemaTooNew = "schema-too-new"
        case notACentreBackup = "not-a-centre-backup"
        case databaseInUse = "database-in-use"
        case unknownHolder = "unknown-holder"
        case unknownBatch = "unknown-batch"
        case unknownRecord = "unknown-record"
        case noCardsWaiting = "no-cards-waiting"
        case batchDelivered = "batch-delivered"
        case ledgerHeadBehind = "ledger-head-behind"
        case ledgerKeyMismatch = "ledger-key-mismatch"
        case ledgerHeadDiffers = "ledger-head-differs"
        case missingCertificate = "missing-certificate"
        case certificateMismatch = "certificate-mismatch"
        case terminalRevoked = "terminal-revoked"
        case unknownTerminal = "unknown-terminal"
        case enrolmentCodeRefused = "enrolment-code-refused"
        case unpublishable
        case malformedEnrolment = "malformed-enrolment"
        case terminalAuthority = "terminal-authority"
        case staffExists = "staff-exists"
        case unknownStaff = "unknown-staff"
        case ownStaffAccount = "own-staff-account"
        case consoleSignInRequired = "console-sign-in-required"
        case consoleForbidden = "console-forbidden"
        case terminalOnlyAccount = "terminal-only-account"
        case outsideStaffJurisdiction = "outside-staff-jurisdiction"
        case internalError = "internal"
    }

    public let code: Code
    public let messageChinese: String
    /// What went wrong and what to do, in English.
    public let message: String
    public let httpStatus: Int
    /// Seconds after which the same request may succeed (`Retry-After`), for a refusal that lifts by itself.
    public let retryAfter: Int?

    private init(_ code: Code, status: Int, chinese: String, english: String, retryAfter: Int? = nil) {
        self.code = code
        self.httpStatus = status
        self.messageChinese = chinese
        self.message = english
        self.retryAfter = retryAfter
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

    public static let terminalOnlyAccount = Self(
        .terminalOnlyAccount, status: 403, chinese: "该账号用于服务大厅的终端，请在终端登录。",
        english:
            "This account is a hall's clerk or supervisor: it signs in at the terminals of its township or village, not at the console."
    )

    public static let unknownRecord = Self(
        .unknownRecord, status: 404, chinese: "中心没有这条记录，无法删除或迁移。",
        english:
            "The centre has no such person, enrolment, card or job posting to remove or move. Check the ID number, card number or posting id."
    )

    public static let noCardsWaiting = Self(
        .noCardsWaiting, status: 409, chinese: "该区划没有等待制卡的申请。",
        english: "No card applied for in this area waits for production: there is nothing to send.")

    public static let ledgerKeyMismatch = Self(
        .ledgerKeyMismatch, status: 500, chinese: "中心台账的密钥文件不是封存台账时所用的密钥，已停止写入。",
        english:
            "The centre's ledger is sealed with another key than the key file given: nothing was written. Give the key file this centre was installed with (ledgerKey in centre.json)."
    )

    public static let batchDelivered = Self(
        .batchDelivered, status: 409, chinese: "该制卡批次已经到货，无需重复登记。",
        english: "This batch was recorded as delivered already; its cards are at the desks.")

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

    /// A request body over `limit` bytes: refused before it is read, so nothing of it is applied.
    public static func bodyTooLarge(limit: Int) -> Self {
        Self(
            .bodyTooLarge, status: 413, chinese: "请求内容过大，中心未处理，每次最多\(limit)字节。",
            english:
                "The request body is larger than \(limit) bytes: nothing of it was applied. Send fewer commands at a time."
        )
    }

    /// A `Content-Encoding` other than gzip or identity; the answer's `Accept-Encoding` says what is read.
    public static let unsupportedContentEncoding = Self(
        .unsupportedContentEncoding, status: 415, chinese: "请求内容的压缩方式中心不支持，未处理。",
        english: "The request body's Content-Encoding is neither gzip nor identity: nothing of it was applied. "
            + "Send it as gzip or uncompressed.")

    /// A gzip body cut short or not gzip at all (``BodyCompressionError``); nothing of it applied.
    public static let unreadableCompressedBody = Self(
        .unreadableCompressedBody, status: 400, chinese: "压缩的请求内容不完整或已损坏，中心未处理。",
        english: "The gzip request body is cut short or corrupt: nothing of it was applied. Send it again.")

    /// A resumed snapshot whose cursor the centre has moved too far past: the terminal starts afresh.
    public static let snapshotExpired = Self(
        .snapshotExpired, status: 410, chinese: "中断的首次加载已过期，请重新开始加载。",
        english: "The centre has moved on too far since this snapshot's cursor to go on with it: start the first "
            + "load afresh (without `cursor` and `resume`).")

    /// The terminal started as many snapshots as ``SnapshotLimit`` allows in its window.
    public static func tooManySnapshots(retryAfter seconds: Int) -> Self {
        Self(
            .tooManySnapshots, status: 429, chinese: "本终端全量下载过于频繁，请\(seconds)秒后再试。",
            english:
                "This terminal started too many snapshots lately: try again in \(seconds) s. If it keeps starting them, look at why its first loads break off.",
            retryAfter: seconds)
    }

    public static func tooManyEnrolmentAttempts(retryAfter seconds: Int) -> Self {
        Self(
            .tooManyEnrolmentAttempts, status: 429, chinese: "接入码错误次数过多，请\(seconds)秒后再试。",
            english:
                "Too many wrong enrolment codes came from this address lately: try again in \(seconds) s, with the code exactly as the county gave it.",
            retryAfter: seconds)
    }

    public static let terminalExists = Self(
        .terminalExists, status: 409, chinese: "该终端编号已登记。",
        english: "A terminal with this id is registered already. Choose another id.")

    public static let malformedDatabaseURL = Self(
        .malformedDatabaseURL, status: 500, chinese: "PostgreSQL 连接地址格式有误。",
        english:
            "The PostgreSQL URL is not postgres://USER@HOST[:PORT]/DATABASE?sslmode=verify-full&sslrootcert=CA.pem"
            + "&passfile=FILE (no host: the local socket).")

    /// A PostgreSQL URL of the right shape whose parameters do not fit: `reason` says which and how.
    public static func databaseURL(_ reason: String) -> Self {
        Self(
            .malformedDatabaseURL, status: 500, chinese: "PostgreSQL 连接地址的参数有误：\(reason)",
            english: "The PostgreSQL URL cannot be used: \(reason).")
    }

    public static let passwordInDatabaseURL = Self(
        .passwordInDatabaseURL, status: 500, chinese: "PostgreSQL 密码不可写在连接地址中，请放入权限为600的密码文件。",
        english:
            "The PostgreSQL URL holds a password, which anyone on this machine can read on the command line. Put it in "
            + "a password file (hostname:port:database:username:password, chmod 600) and name it with passfile=FILE "
            + "or PGPASSFILE.")

    /// The centre could not open a connection to its PostgreSQL at `server`; `reason` says what the
    /// server or the TLS handshake said, never the password.
    public static func databaseUnreachable(_ server: String, reason: String) -> Self {
        Self(
            .databaseUnreachable, status: 503, chinese: "无法连接中心的 PostgreSQL 数据库（\(server)）：\(reason)",
            english: "Cannot connect to the centre's PostgreSQL at \(server): \(reason).")
    }

    public static let schemaTooNew = Self(
        .schemaTooNew, status: 500, chinese: "数据库由更新版本的中心程序创建。",
        english:
            "The database has migrations this centre does not know: it was made by a newer version. Upgrade the centre."
    )

    public static func notACentreBackup(_ reason: String) -> Self {
        Self(
            .notACentreBackup, status: 422, chinese: "该文件不是可用的中心数据库备份。",
            english: "The file is not a centre database backup to restore from: \(reason). Nothing was changed.")
    }

    public static func databaseInUse(processes: [Int32]) -> Self {
        Self(
            .databaseInUse, status: 409, chinese: "中心数据库正被使用，请先停止中心服务再恢复。",
            english:
                "The centre's database is open in process \(processes.map(String.init).joined(separator: ", ")): stop the centre (systemctl stop sskiosk-centre) before restoring. Nothing was changed."
        )
    }

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

    public static let missingCertificate = Self(
        .missingCertificate, status: 401, chinese: "终端未出示客户端证书。",
        english:
            "The connection shows no client certificate. Enrol the terminal (`sskiosk enrol`) and let it use the certificate it got."
    )

    /// The token names one terminal and the certificate another, or is not the one issued with it.
    public static let certificateMismatch = Self(
        .certificateMismatch, status: 403, chinese: "客户端证书与终端令牌不属于同一终端，中心拒绝服务。",
        english:
            "The client certificate was not issued to the terminal this token names. Use the certificate and token "
            + "the terminal got together at enrolment.")

    public static let terminalRevoked = Self(
        .terminalRevoked, status: 403, chinese: "该终端的证书和令牌已被吊销。",
        english:
            "This terminal's certificate and token were revoked at the centre. Ask the county for a new enrolment code "
            + "(`sskiosk centre terminal rotate`) and enrol again.")

    public static let unknownTerminal = Self(
        .unknownTerminal, status: 404, chinese: "中心没有这个终端。",
        english: "The centre has no terminal with this id. Check the id, or issue a first enrolment code for it.")

    /// Unknown, used and expired codes alike: the answer tells a guesser nothing.
    public static let enrolmentCodeRefused = Self(
        .enrolmentCodeRefused, status: 403, chinese: "接入码无效、已使用或已过期。",
        english:
            "The centre does not accept this enrolment code: it is mistyped, used already or expired. Check it, or ask "
            + "the county for a new one.")

    public static func malformedEnrolment(_ reason: String) -> Self {
        Self(
            .malformedEnrolment, status: 400, chinese: "接入请求内容有误：\(reason)",
            english: "The enrolment request cannot be used: \(reason).")
    }

    /// The centre's CA for terminals could not be read, made or used; `reason` names the file, never a key.
    public static func terminalAuthority(_ reason: String) -> Self {
        Self(
            .terminalAuthority, status: 500, chinese: "中心的终端证书颁发机构不可用：\(reason)",
            english: "The centre's CA for terminals cannot be used: \(reason).")
    }

    public static let staffExists = Self(
        .staffExists, status: 409, chinese: "已有使用该工号的中心工作人员。",
        english: "The centre already has a member of staff with this id. Choose another id.")

    public static let unknownStaff = Self(
        .unknownStaff, status: 404, chinese: "没有这个中心工作人员。",
        english: "The centre has no member of staff with this id in your area. Check the id.")

    /// An administrator who disabled or demoted themselves could lock the county out of its console.
    public static let ownStaffAccount = Self(
        .ownStaffAccount, status: 409, chinese: "不能停用、重置或改变自己的账号，请由另一位县级管理员操作。",
        english: "You cannot disable, reset or reassign your own account: ask another county administrator.")

    /// A guide or notice that cannot be published as it stands: what is wrong, in plain words.
    public static func unpublishable(_ problems: [PublicationProblem]) -> Self {
        Self(
            .unpublishable, status: 422, chinese: "内容有误，未发布：" + problems.map(\.chinese).joined(separator: "；"),
            english: "Nothing was published: " + problems.map(\.english).joined(separator: "; "))
    }

    public static let consoleSignInRequired = Self(
        .consoleSignInRequired, status: 401, chinese: "请先登录，或登录已过期，请重新登录。",
        english: "Sign in to the console first, or again: the session ended.")

    public static let consoleForbidden = Self(
        .consoleForbidden, status: 403, chinese: "您的角色无权进行此项操作。",
        english: "Your role may not do this. Ask a county administrator.")

    public static let outsideStaffJurisdiction = Self(
        .outsideStaffJurisdiction, status: 403, chinese: "该终端或区划不在您的管辖范围内。",
        english: "This terminal or area lies outside your jurisdiction.")
}
