extension Principal {
    /// How applications and cards record who acted: a staff id, or "card" for a resident at a kiosk
    /// (the ledger, which may be read more widely, names residents only masked).
    public var actorID: String {
        switch self {
        case .staff(let member): member.id
        case .resident: "card"
        case .administrator(let account): "admin:" + account
        case .centre: "centre"
        }
    }
}
