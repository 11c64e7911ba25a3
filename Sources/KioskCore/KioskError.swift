import Vocabulary

/// An error of the terminal's services, said in Chinese and English, with what to do about it.
///
/// `code` is stable for clients (the API's error body carries it); messages never hold a full ID
/// number, a PIN or a key.
public struct KioskError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable name ("invalid-id-number").
    public let code: String
    /// 中文说明: what happened and what to do.
    public let messageChinese: String
    /// The same in English.
    public let message: String
    /// The HTTP status the API answers with.
    public let httpStatus: Int

    public init(code: String, chinese: String, english: String, httpStatus: Int = 400) {
        self.code = code
        self.messageChinese = chinese
        self.message = english
        self.httpStatus = httpStatus
    }

    public var description: String { "\(code): \(message)" }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    // MARK: Input

    public static func invalid(_ field: String, chinese: String, english: String) -> Self {
        Self(code: "invalid-\(field)", chinese: chinese, english: english, httpStatus: 422)
    }

    // MARK: Access

    public static let notSignedIn = Self(
        code: "not-signed-in",
        chinese: "请先登录或插入社会保障卡。",
        english: "Sign in, or insert your social security card, first.",
        httpStatus: 401
    )

    public static func forbidden(_ action: String) -> Self {
        Self(
            code: "forbidden",
            chinese: "您的岗位不能执行此操作（\(action)）。请联系有权限的工作人员。",
            english: "Your role may not do this (\(action)). Ask a colleague whose role may.",
            httpStatus: 403
        )
    }

    public static let outsideJurisdiction = Self(
        code: "outside-jurisdiction",
        chinese: "此人不在您的管辖范围内。请由其所属地的经办人办理。",
        english: "This person is outside your jurisdiction. Their own area's clerk must handle it.",
        httpStatus: 403
    )

    public static let accountLocked = Self(
        code: "account-locked",
        chinese: "密码错误次数过多，账号已锁定15分钟。请稍后再试或联系管理员。",
        english: "Too many wrong passwords: the account is locked for 15 minutes. Try later or ask a supervisor.",
        httpStatus: 423
    )

    public static let wrongCredentials = Self(
        code: "wrong-credentials",
        chinese: "用户名或密码错误。",
        english: "The user name or password is wrong.",
        httpStatus: 401
    )

    // MARK: The terminal

    public static let terminalNotInstalled = Self(
        code: "terminal-not-installed",
        chinese: "本终端尚未完成安装设置（终端编号和管辖区划）。请联系技术员。",
        english: "This terminal has no identity or jurisdiction set yet. Ask a technician to install it.",
        httpStatus: 503
    )

    // MARK: Records

    public static func notFound(_ what: String, chinese: String) -> Self {
        Self(code: "not-found", chinese: "未找到\(chinese)。", english: "No \(what) was found.", httpStatus: 404)
    }

    public static func illegalTransition(from: String, to: String, chinese: String) -> Self {
        Self(
            code: "illegal-transition",
            chinese: chinese,
            english: "This cannot go from \(from) to \(to).",
            httpStatus: 409
        )
    }

    /// A chip unblock asked for a card that is not in use, or that was never personalised here.
    public static func cardNotUnblockable(status: CardStatus) -> Self {
        Self(
            code: "card-not-unblockable",
            chinese: "卡片当前为“\(status.chineseName)”或未在本网点写卡，不能解锁卡片应用。挂失的卡须先解挂。",
            english:
                "Only a card in use (issued or active) that was personalised here can have its chip unblocked; this one is \(status.rawValue) or has no chip on record. Lift a loss report first.",
            httpStatus: 409
        )
    }

    public static let duplicateApplication = Self(
        code: "duplicate-application",
        chinese: "此人已有同类申请在办理中，已转交主管核查。",
        english: "This person already has an open application for this service; it has gone to a supervisor to check.",
        httpStatus: 409
    )

    public static let cardNumberTaken = Self(
        code: "card-number-taken",
        chinese: "该卡号已有记录。请核对卡号，或查询该卡的现有状态。",
        english: "A card with this number is already on record. Check the number, or look the card up.",
        httpStatus: 409
    )

    public static let weakPassword = Self(
        code: "weak-password",
        chinese: "新密码至少 \(NewPassword.minimumLength) 位，不能是工号、旧密码或同一字符重复。",
        english: "The new password needs at least \(NewPassword.minimumLength) characters and must not be "
            + "the staff id, the old password or one character repeated.",
        httpStatus: 422
    )

    /// Answered only to someone who gave the right password, so it tells a stranger nothing.
    public static let passwordChangeRequired = Self(
        code: "password-change-required",
        chinese: "首次登录或密码被重置后，请先设置您自己的新密码。",
        english: "Choose a new password of your own before signing in (first sign-in, or after a reset).",
        httpStatus: 403
    )

    /// Answered only to someone who gave the right password, so it tells a stranger nothing.
    public static let staffDisabled = Self(
        code: "staff-disabled",
        chinese: "该账号已停用。请联系管理员。",
        english: "This account is disabled. Ask your administrator.",
        httpStatus: 403
    )

    public static let unknownStaff = Self(
        code: "unknown-staff",
        chinese: "没有此工号的工作人员。",
        english: "No member of staff has this id.",
        httpStatus: 404
    )

    public static let staffIDTaken = Self(
        code: "staff-id-taken",
        chinese: "该工号已被使用。请换一个工号。",
        english: "This staff id is already in use. Choose another.",
        httpStatus: 409
    )

    public static let sameClerk = Self(
        code: "separation-of-duties",
        chinese: "受理人不能审批自己受理的申请，请由另一位工作人员审批。",
        english: "The clerk who took an application cannot approve it; another colleague must.",
        httpStatus: 403
    )

    public static let residentDecides = Self(
        code: "resident-decides",
        chinese: "申请人不能审批或办结自己的申请，须由工作人员办理。",
        english: "A resident may not approve or complete their own application; staff must.",
        httpStatus: 403
    )

    public static let photoTooLate = Self(
        code: "photo-too-late",
        chinese: "该卡已发放或停用，不能再更换照片。",
        english: "This card is already issued or out of use: its photo can no longer change.",
        httpStatus: 409
    )

    public static let samePersonaliser = Self(
        code: "separation-of-duties",
        chinese: "写卡的工作人员不能发放或启用同一张卡，请由另一位工作人员办理。",
        english: "Whoever personalised a card may not issue or activate it; another colleague must.",
        httpStatus: 403
    )

    // MARK: Case work

    public static let caseNotTaken = Self(
        code: "case-not-taken",
        chinese: "此申请尚无人认领，请先认领（首问负责）。",
        english: "No one has taken this case yet: take it first.",
        httpStatus: 409
    )

    public static func caseOwned(by owner: String) -> Self {
        Self(
            code: "case-owned",
            chinese: "此申请由\(owner)负责，须由其办理或移交。",
            english: "\(owner) owns this case: they handle it or hand it over.",
            httpStatus: 409
        )
    }

    public static let caseAlreadyYours = Self(
        code: "case-already-yours",
        chinese: "此申请已由您负责。",
        english: "You already own this case.",
        httpStatus: 409
    )

    public static let caseClosed = Self(
        code: "case-closed",
        chinese: "此申请已办结、不予受理或已撤回，不能再认领。",
        english: "This case is closed and cannot be taken.",
        httpStatus: 409
    )

    public static let ownerDecides = Self(
        code: "separation-of-duties",
        chinese: "负责办理的工作人员不能审批自己经办的申请，请由另一位工作人员审批。",
        english: "The owner of a case may not decide it; another colleague must.",
        httpStatus: 403
    )

    public static let handOverTarget = Self(
        code: "invalid-hand-over",
        chinese: "请选择本辖区另一位在岗的经办员或主管接手。",
        english: "Hand the case to another active clerk or supervisor of your jurisdiction.",
        httpStatus: 422
    )

    public static func levelBelowStep(_ level: ServiceLevel, step: ServiceLevel) -> Self {
        Self(
            code: "wrong-level",
            chinese: "此申请现由\(step.chineseName)办理，\(level.chineseName)的工作人员不能办理这一步。",
            english: "This case is at the \(step.rawValue) step; \(level.rawValue) staff cannot act on it.",
            httpStatus: 403
        )
    }

    public static func notDecidingStep(_ deciding: ServiceLevel) -> Self {
        Self(
            code: "not-deciding-step",
            chinese: "此事项由\(deciding.chineseName)审批，请先上报。",
            english: "The \(deciding.rawValue) decides this service: report the case up first.",
            httpStatus: 409
        )
    }

    public static let lastStep = Self(
        code: "last-step",
        chinese: "此申请已在审批层级，不能再上报。",
        english: "This case is at the level that decides it; there is no level to report it up to.",
        httpStatus: 409
    )

    public static let rejectionReasonRequired = Self(
        code: "invalid-rejection-reason",
        chinese: "不予受理须选择理由；选“其他”时须写明。",
        english: "A refusal needs a reason from the list, and words when the reason is “other”.",
        httpStatus: 422
    )

    // MARK: Satisfaction

    public static let alreadyRated = Self(
        code: "already-rated",
        chinese: "您已评价过，谢谢！",
        english: "This service has been rated already. Thank you.",
        httpStatus: 409
    )

    // MARK: Retirees' checks

    public static let notARetiree = Self(
        code: "not-a-retiree",
        chinese: "此项认证只面向领取养老金的退休人员；您不在本年度认证名单中。",
        english: "The qualification check is for people who draw a pension; this person is not on the year's list.",
        httpStatus: 403
    )

    public static let retireeCheckIsNoApplication = Self(
        code: "retiree-check-is-no-application",
        chinese: "退休人员资格认证不再作为申请受理：请在自助机“资格认证”中认证，或在柜台“退休认证”中办理。",
        english:
            "The retiree check is no longer an application: certify at the kiosk, or record it on the desk's retirees tab.",
        httpStatus: 422
    )

    public static let retireeAlreadyCertified = Self(
        code: "already-certified",
        chinese: "本年度已认证，无需再次认证。",
        english: "This year's check is already certified.",
        httpStatus: 409
    )

    public static let retireeReported = Self(
        code: "retiree-reported",
        chinese: "已报告此人死亡或迁出，不能认证或再次报告；请由县级决定是否暂停发放。",
        english: "A death or move away is already reported for this retiree; the county decides on suspension.",
        httpStatus: 409
    )

    public static let retireeSuspended = Self(
        code: "retiree-suspended",
        chinese: "养老金已暂停发放，请到县社保中心办理恢复。",
        english: "The pension is suspended; resuming it is done at the county's centre.",
        httpStatus: 409
    )

    public static func suspensionAtCountyOnly(_ level: ServiceLevel) -> Self {
        Self(
            code: "wrong-level",
            chinese: "只有县（区）社保部门可以暂停发放养老金，\(level.chineseName)请报县级决定。",
            english: "Only the county suspends a pension; \(level.rawValue) staff refer the case to the county.",
            httpStatus: 403
        )
    }

    public static let notASuspensionCandidate = Self(
        code: "not-a-suspension-candidate",
        chinese: "只有逾期未认证或已报告死亡、迁出的人员才能暂停发放。",
        english: "Only a check that is overdue, or whose retiree was reported dead or moved away, may be suspended.",
        httpStatus: 409
    )

    // MARK: The residents' pension

    public static let tooYoungToClaim = Self(
        code: "too-young-to-claim",
        chinese: "城乡居民养老保险待遇须年满60周岁方可申领。",
        english: "The residents' pension is claimed at 60.",
        httpStatus: 422
    )

    public static let notEnrolledInResidentPension = Self(
        code: "not-enrolled",
        chinese: "此人未参加城乡居民养老保险（或参保已终止），请先办理参保登记。",
        english: "This person is not enrolled in the residents' pension; enrol them first.",
        httpStatus: 422
    )

    public static func contributionsShort(paidMonths: Int) -> Self {
        Self(
            code: "contributions-short",
            chinese: "累计缴费\(paidMonths / 12)年\(paidMonths % 12)个月，不满15年；可按规定补缴后再申领。",
            english: "Contributions paid for \(paidMonths) months, short of 15 years; pay the rest, then claim.",
            httpStatus: 422
        )
    }

    // MARK: Appointments

    public static let appointmentClosed = Self(
        code: "appointment-closed",
        chinese: "该预约已办结或已取消。",
        english: "The appointment is done or cancelled.",
        httpStatus: 409
    )

    public static let appointmentIDTaken = Self(
        code: "appointment-id-taken",
        chinese: "该预约编号已被使用。",
        english: "An appointment with this id exists already.",
        httpStatus: 409
    )

    public static let notAHomeVisit = Self(
        code: "not-a-home-visit",
        chinese: "只有上门服务需要指派工作人员。",
        english: "Only a home visit is assigned to a clerk.",
        httpStatus: 409
    )

    public static let outcomeMismatch = Self(
        code: "outcome-mismatch",
        chinese: "办理结果与该事项的类型不符。",
        english: "That outcome does not fit this kind of appointment or case.",
        httpStatus: 422
    )

    public static let slotFull = Self(
        code: "slot-full",
        chinese: "该时段已约满，请选择其他时段。",
        english: "This slot is full; choose another.",
        httpStatus: 409
    )

    public static let notAWorkingDay = Self(
        code: "not-a-working-day",
        chinese: "所选日期不是工作日，大厅不办公。",
        english: "The hall does not work on that day.",
        httpStatus: 422
    )

    // MARK: Labour disputes and petitions

    public static let disputeClosed = Self(
        code: "dispute-closed",
        chinese: "该案件已办结或不予受理。",
        english: "The case is closed or was not accepted.",
        httpStatus: 409
    )

    public static let disputeIDTaken = Self(
        code: "dispute-id-taken",
        chinese: "该案件编号已被使用。",
        english: "A case with this id exists already.",
        httpStatus: 409
    )

    public static let disputeDecided = Self(
        code: "dispute-decided",
        chinese: "该案件已作出是否受理的决定。",
        english: "Whether to accept the case is decided already.",
        httpStatus: 409
    )

    public static let disputeNotAccepted = Self(
        code: "dispute-not-accepted",
        chinese: "案件受理后才能调解、延期或办结。",
        english: "Accept the case before mediating, extending or closing it.",
        httpStatus: 409
    )

    public static let disputeExtended = Self(
        code: "dispute-extended",
        chinese: "该案件已延期一次，不能再延期。",
        english: "The case was extended once already.",
        httpStatus: 409
    )

    /// 首问负责: the clerk who took a case, or the one it was handed to, answers for it.
    public static let notCaseOwner = Self(
        code: "not-case-owner",
        chinese: "该案件由首问责任人办理，请联系责任人或由其移交。",
        english: "The clerk who answers for this case (首问负责) records on it, or hands it over.",
        httpStatus: 403
    )

    public static let disputeUndecided = Self(
        code: "dispute-undecided",
        chinese: "该案件尚未决定是否受理，不能出具通知书。",
        english: "Whether to accept the case is not decided yet; there is no notice to print.",
        httpStatus: 409
    )

    public static let noAgreement = Self(
        code: "no-agreement",
        chinese: "该案件未调解成功，没有调解协议书。",
        english: "The case did not end in an agreement; there is no agreement to print.",
        httpStatus: 409
    )

    // MARK: Training courses

    public static let courseClosed = Self(
        code: "course-closed",
        chinese: "该培训课程已截止报名。",
        english: "Sign-up for this course has closed.",
        httpStatus: 409
    )

    public static let courseFull = Self(
        code: "course-full",
        chinese: "该培训课程名额已满，请选择其他课程或到窗口登记培训意愿。",
        english: "The course is full; choose another, or register your wish for training at the desk.",
        httpStatus: 409
    )

    // MARK: Employment register

    public static let notAJobSeeker = Self(
        code: "not-a-job-seeker",
        chinese: "未找到该就业失业登记。",
        english: "No such registration on the employment register.",
        httpStatus: 404
    )

    public static let alreadyRegistered = Self(
        code: "already-registered",
        chinese: "此人已有未注销的就业失业登记，请在原登记上回访或注销。",
        english: "This person is already on the register; follow up or close that registration.",
        httpStatus: 409
    )

    public static let jobSeekerClosed = Self(
        code: "job-seeker-closed",
        chinese: "该登记已注销，不能再记录回访、推荐或注销。",
        english: "The registration is closed; nothing more is recorded on it.",
        httpStatus: 409
    )

    public static let difficultyRecognised = Self(
        code: "difficulty-recognised",
        chinese: "已认定为就业困难人员，无需再次认定。",
        english: "The employment difficulty is recognised already.",
        httpStatus: 409
    )

    public static let notInDifficulty = Self(
        code: "not-in-difficulty",
        chinese: "只有认定为就业困难人员的，才能记录援助走访或安置公益性岗位。",
        english:
            "Assistance visits and public-welfare placements are for people recognised with employment difficulty.",
        httpStatus: 409
    )

    public static let notAPublicWelfarePost = Self(
        code: "not-a-public-welfare-post",
        chinese: "所选岗位不是公益性岗位。",
        english: "The posting chosen is not a public-welfare post.",
        httpStatus: 409
    )

    public static let notAged4050 = Self(
        code: "not-aged-4050",
        chinese: "此人不符合“4050人员”条件（女性满40周岁、男性满50周岁）。",
        english: "This person is not a 4050 person (a woman of 40 or more, a man of 50 or more).",
        httpStatus: 422
    )

    public static func alreadyFollowedUp(_ month: YearMonth) -> Self {
        Self(
            code: "already-followed-up",
            chinese: "\(month)已回访过，每月回访一次。",
            english: "The follow-up of \(month) is recorded already; one a month.",
            httpStatus: 409
        )
    }
}
