import Crypto
import HexCoding

extension Principal {
    /// Whose something kept for later is (a print job): a staff member by their id, a resident by
    /// a digest of their full ID number. Unlike ``ledgerName``, two residents whose masked numbers
    /// look alike never share, and the store keeps no readable number.
    public var ownerKey: String {
        switch self {
        case .staff(let member): "staff:" + member.id
        case .resident(let idNumber): "resident:" + SHA256.hash(data: Array(idNumber.utf8)).compactHexString
        case .administrator(let account): "admin:" + account
        case .centre: "centre"
        }
    }
}
