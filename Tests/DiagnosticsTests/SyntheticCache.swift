import Foundation
import KioskCore
import KioskSQLite
import SocialSecurityCard

/// A real terminal cache (the store's own schema) in a temporary file, holding synthetic people.
struct SyntheticCache {
    var path: String
    var people: [Person]

    /// `synced`: whether a page of reference data came from the centre (it records when).
    static func make(in directory: URL, people count: Int = 3, synced: Bool = true) async throws -> SyntheticCache {
        let path = directory.appendingPathComponent("terminal.sqlite").path
        let store = try SQLiteKioskStore(path: path, ledgerKey: nil)
        var generator = SystemRandomNumberGenerator()
        let surnames = ["欧阳", "司马", "上官", "诸葛"]
        let given = ["云帆", "思远", "晓峰", "雨桐", "明轩"]
        let people = try (0..<count).map { index in
            let number = try syntheticIDNumber(using: &generator)
            return Person(
                idNumber: number.unmaskedValue, name: surnames[index % surnames.count] + given.randomElement()!,
                sex: number.sex, birthDate: number.birthDate, regionCode: "430102001001")
        }
        if synced {
            try await store.applyReferenceData(ReferenceDataPage(people: people, cursor: "1", asOf: Date()))
        }
        return SyntheticCache(path: path, people: people)
    }
}

/// A random ID number with a right check character, found by the validator itself.
func syntheticIDNumber(using generator: inout some RandomNumberGenerator) throws -> IDNumber {
    let today = try CardDate(year: 2026, month: 1, day: 1)
    let year = Int.random(in: 1950...2005, using: &generator)
    let month = Int.random(in: 1...12, using: &generator)
    let day = Int.random(in: 1...28, using: &generator)
    let body =
        "430102" + String(format: "%04d%02d%02d%03d", year, month, day, Int.random(in: 1...999, using: &generator))
    for check in Array("0123456789X") {
        if let number = try? IDNumber(body + String(check), today: today) { return number }
    }
    preconditionFailure("no check character makes \(body) valid")
}

/// Every 18-character run in `text` that is a valid ID number (GB 11643: a known province, a real
/// birth date, a right check character).
func validIDNumbers(in text: String) -> [String] {
    let characters = Array(text)
    guard characters.count >= 18 else { return [] }
    let today = try! CardDate(year: 2100, month: 1, day: 1)
    return (0...(characters.count - 18)).compactMap { start in
        let candidate = String(characters[start..<start + 18])
        return (try? IDNumber(candidate, today: today)) != nil ? candidate : nil
    }
}
