/// An ethnic group as GB 3304 codes it (民族代码): two digits, `01` for Han. The card keeps the code
/// in item 0B and the resident's papers print the name.
public struct Ethnicity: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The two-digit code: `01`.
    public let code: String

    /// Fails for anything but one of the codes GB 3304 lists.
    public init?(code: some StringProtocol) {
        guard code.count == 2, Self.names[String(code)] != nil else { return nil }
        self.code = String(code)
    }

    /// 汉族.
    public var chineseName: String { Self.names[code]! }

    public var description: String { code }

    public static let han = Ethnicity(code: "01")!

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let value = Ethnicity(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a GB 3304 code: \(code)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// GB 3304-1991: the 56 ethnic groups, then 97 (other, not recognised) and 98 (Chinese
    /// citizens of foreign origin).
    static let names: [String: String] = [
        "01": "汉族", "02": "蒙古族", "03": "回族", "04": "藏族", "05": "维吾尔族", "06": "苗族", "07": "彝族",
        "08": "壮族", "09": "布依族", "10": "朝鲜族", "11": "满族", "12": "侗族", "13": "瑶族", "14": "白族",
        "15": "土家族", "16": "哈尼族", "17": "哈萨克族", "18": "傣族", "19": "黎族", "20": "傈僳族", "21": "佤族",
        "22": "畲族", "23": "高山族", "24": "拉祜族", "25": "水族", "26": "东乡族", "27": "纳西族", "28": "景颇族",
        "29": "柯尔克孜族", "30": "土族", "31": "达斡尔族", "32": "仫佬族", "33": "羌族", "34": "布朗族",
        "35": "撒拉族", "36": "毛南族", "37": "仡佬族", "38": "锡伯族", "39": "阿昌族", "40": "普米族",
        "41": "塔吉克族", "42": "怒族", "43": "乌孜别克族", "44": "俄罗斯族", "45": "鄂温克族", "46": "德昂族",
        "47": "保安族", "48": "裕固族", "49": "京族", "50": "塔塔尔族", "51": "独龙族", "52": "鄂伦春族",
        "53": "赫哲族", "54": "门巴族", "55": "珞巴族", "56": "基诺族", "97": "其他", "98": "外国血统中国籍人士",
    ]
}
