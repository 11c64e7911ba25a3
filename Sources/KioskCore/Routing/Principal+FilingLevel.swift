extension Principal {
    /// The level a case filed by this principal at `terminal` starts from: a staff member's own
    /// (a township clerk at a village's terminal files at the township), a resident's the terminal's.
    public func filingLevel(at terminal: TerminalIdentity) -> ServiceLevel {
        if case .staff(let member) = self { return ServiceLevel(member.jurisdiction) }
        return ServiceLevel(terminal.jurisdiction)
    }
}
