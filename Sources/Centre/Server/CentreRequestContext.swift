import Hummingbird

/// A request to the centre, with the terminal its token named once ``TerminalAuthentication`` has run.
public struct CentreRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set for every route under `/sync/v1`; nil only on `/health`.
    public var terminal: RegisteredTerminal?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The authenticated terminal; routes behind ``TerminalAuthentication`` always have one.
    func requireTerminal() throws -> RegisteredTerminal {
        guard let terminal else { throw CentreError.missingToken }
        return terminal
    }
}
