import Vocabulary

/// A made-up cardholder for tests and demo data: every number checks out, nobody real is named.
///
/// ID numbers use real GB/T 2260 county codes and real dates with a correct check character,
/// the sex matches the sequence code, and the card number has a correct check character.
/// Names come from fixed lists of common surnames and given names; with rare names switched on,
/// about one person in ten gets a name that tests the edges: characters outside GBK (𠮷 U+20BB7,
/// 𪚥, 㛃, 䶮), rare characters inside GBK, and long minority names that spill into item 4E.
public struct SyntheticIdentity: Hashable, Sendable {
    public let name: String
    public let sex: Sex
    public let birthDate: CardDate
    public let idNumber: IDNumber
    public let cardNumber: CardNumber

    /// Deterministic people from a seed: the same seed gives the same people on every machine and
    /// Swift version, because it draws from ``SplitMix64`` rather than the standard library's
    /// random algorithms.
    public struct Generator: Sendable {
        private var random: SplitMix64
        private let rareNames: Bool
        private let counties: [String]

        /// With `homeRegion` (a region code of any level, such as a township's "430102001"), ID
        /// numbers use the sample counties that share the longest prefix with it: its own county
        /// when the list has it, else its city's, else its province's, else any.
        public init(seed: UInt64, rareNames: Bool = true, homeRegion: String? = nil) {
            random = SplitMix64(seed: seed)
            self.rareNames = rareNames
            let all = GB2260.sampleCounties.map(\.code)
            counties =
                homeRegion.flatMap { region in
                    [6, 4, 2].lazy.map { length in all.filter { $0.hasPrefix(region.prefix(length)) } }
                        .first { !$0.isEmpty }
                } ?? all
        }

        /// The next person. Birth dates lie between 1940-01-01 and 2007-12-31, so that every
        /// person is a valid adult cardholder whatever day the tests run.
        public mutating func next() -> SyntheticIdentity {
            let sex: Sex = below(2) == 0 ? .male : .female
            let year = 1940 + below(68)
            let month = 1 + below(12)
            // A day of the calendar by construction, so the initialiser cannot fail.
            let birthDate =
                (try? CardDate(year: year, month: month, day: 1 + below(CardDate.daysIn(month: month, year: year))))!
            let county = counties[below(counties.count)]
            // Odd 001-999 for men, even 002-998 for women.
            let sequence = sex == .male ? 2 * below(500) + 1 : 2 * below(499) + 2
            let idNumber = IDNumber(regionCode: county, birthDate: birthDate, sequence: sequence)
            let letter = Character(Unicode.Scalar(UInt8(0x41 + below(26))))
            let cardNumber = CardNumber(body: String(letter) + below(10_000_000).zeroPadded(width: 7))
            return SyntheticIdentity(
                name: name(for: sex), sex: sex, birthDate: birthDate, idNumber: idNumber, cardNumber: cardNumber)
        }

        private mutating func name(for sex: Sex) -> String {
            if rareNames, below(10) == 0 {
                return Self.rareNames[below(Self.rareNames.count)]
            }
            let surname = Self.surnames[below(Self.surnames.count)]
            let givenNames = sex == .male ? Self.maleGivenNames : Self.femaleGivenNames
            return surname + givenNames[below(givenNames.count)]
        }

        private mutating func below(_ bound: Int) -> Int { random.below(bound) }

        private static let surnames = [
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
            "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "欧阳", "司马",
        ]
        private static let maleGivenNames = [
            "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "建国", "志强", "俊杰", "浩然", "子轩", "宇航",
        ]
        private static let femaleGivenNames = [
            "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "桂英", "秀兰", "婷婷", "欣怡", "雨涵", "梓涵", "思琪",
        ]
        /// Outside GBK: 𠮷 U+20BB7, 𪚥 U+2A6A5 (CJK Extension B), 㛃 U+36C3 and 䶮 U+4DAE (Extension A,
        /// absent from glibc's GBK). Inside GBK but rare: 喆 堃 赟 彧. Long: more than 30 bytes in GBK.
        private static let rareNames = [
            "𠮷祥", "王𪚥", "陈㛃", "刘䶮", "张喆", "李堃", "赵赟", "周彧",
            "阿卜杜热合曼·买买提艾力·吐尔逊江", "古丽娜尔·艾合买提江·阿不都热西提",
        ]
    }
}
