extension CardProfile {
    /// EF05: card issuer data (发卡机构数据), free read.
    public static let cardIssuerFile: UInt16 = 0xEF05
    /// EF06: cardholder basic data (持卡人基本信息).
    public static let cardholderFile: UInt16 = 0xEF06
    /// EF07: fingerprint, transparent.
    public static let fingerprintFile: UInt16 = 0xEF07
    /// EF08: photo, transparent (JPEG).
    public static let photoFile: UInt16 = 0xEF08

    /// The national profile of 《社会保障（个人）卡规范》 and the 2012 file-structure notice (V2.0),
    /// as ../shared/CARD.md gathers it. Key numbers are not public and differ by region
    /// (unverified): the ones here are the project's own, shared by its simulator.
    public static let standard = CardProfile(
        ssse: DirectoryProfile(
            name: "SSSE",
            title: "社会保障应用环境",
            fid: nil,
            // "sx1.sh." + GBK "社会保障"
            aid: [0x73, 0x78, 0x31, 0x2E, 0x73, 0x68, 0x2E, 0xC9, 0xE7, 0xBB, 0xE1, 0xB1, 0xA3, 0xD5, 0xCF],
            files: [
                FileProfile(
                    fid: cardIssuerFile,
                    sfi: 5,
                    structure: .records([
                        DataItem(tag: 0x01, field: .cardIdentifier, name: "卡识别码", format: .cn, length: 16),
                        DataItem(tag: 0x02, field: .cardType, name: "卡类别", format: .an, length: 1),
                        DataItem(tag: 0x03, field: .specVersion, name: "规范版本", format: .an, length: 4),
                        DataItem(tag: 0x04, field: .initialisingBody, name: "初始化机构编号", format: .cn, length: 12),
                        DataItem(tag: 0x05, field: .issueDate, name: "发卡日期", format: .cn, length: 4),
                        DataItem(tag: 0x06, field: .expiryDate, name: "卡有效期", format: .cn, length: 4),
                        DataItem(tag: 0x07, field: .cardNumber, name: "卡号", format: .an, length: 9),
                    ]),
                    read: [.init(since: .v1, condition: .free)],
                    write: .secureMessaging(.updateSSSE)
                ),
                FileProfile(
                    fid: cardholderFile,
                    sfi: 6,
                    structure: .records([
                        DataItem(tag: 0x08, field: .socialSecurityNumber, name: "社会保障号码", format: .an, length: 18),
                        DataItem(tag: 0x09, field: .name, name: "姓名", format: .an, length: 30),
                        DataItem(tag: 0x4E, field: .nameExtension, name: "姓名扩展", format: .an, length: 20, since: .v2),
                        DataItem(tag: 0x0A, field: .sex, name: "性别", format: .an, length: 1),
                        DataItem(tag: 0x0B, field: .ethnicity, name: "民族", format: .cn, length: 1),
                        DataItem(tag: 0x0C, field: .birthplace, name: "出生地", format: .cn, length: 3),
                        DataItem(tag: 0x0D, field: .birthDate, name: "出生日期", format: .cn, length: 4),
                    ]),
                    read: [
                        .init(since: .v1, condition: .free),
                        .init(since: .v3, condition: .externalAuthentication(.readSSSE)),
                    ],
                    write: .secureMessaging(.updateSSSE)
                ),
                FileProfile(
                    fid: fingerprintFile,
                    sfi: 7,
                    structure: .transparent(size: 0x300),
                    read: [.init(since: .v1, condition: .externalAuthentication(.readSSSE))],
                    write: .secureMessaging(.updateSSSE)
                ),
                FileProfile(
                    fid: photoFile,
                    sfi: 8,
                    structure: .transparent(size: 0x1000),
                    read: [.init(since: .v1, condition: .free)],
                    write: .secureMessaging(.updateSSSE)
                ),
            ]
        ),
        selectMasterFileFirst: true,
        applications: [
            application("DF01", "公共应用", aid: 0x00),
            application("DF02", "就业与失业", aid: 0x01),
            application("DF03", "社会保险", aid: 0x02),
            application("DF04", "医疗保险", aid: 0x03),
            application("DF07", "人事人才", aid: 0x04),
        ],
        keys: [
            KeyReference(name: .updateSSSE, keyID: 0x01),
            KeyReference(name: .readSSSE, keyID: 0x02),
            KeyReference(name: .internalAuthentication, keyID: 0x03),
            KeyReference(name: .pinUnblock, keyID: 0x04),
            KeyReference(name: .pinReload, keyID: 0x05),
            KeyReference(name: .maintenance, keyID: 0x06),
        ],
        pinLength: 6,
        pinTries: 3
    )

    /// An application DF with AID D1 56 00 00 05 xx, read under the PIN or its read key.
    /// Its files are regional (unverified): the standard profile lists none.
    private static func application(_ name: String, _ title: String, aid last: UInt8) -> DirectoryProfile {
        DirectoryProfile(
            name: name,
            title: title,
            fid: UInt16(name.suffix(4), radix: 16),
            aid: [0xD1, 0x56, 0x00, 0x00, 0x05, last],
            files: []
        )
    }
}
