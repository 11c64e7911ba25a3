import Hummingbird
import NIOCore
import NIOSSL

/// A request to the centre, with the terminal its token named once ``TerminalAuthentication`` has run.
public struct CentreRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set for every route under `/sync/v1`; nil on `/health` and `/enrol/v1`.
    public var terminal: RegisteredTerminal?
    /// Set for every console route behind ``ConsoleAuthentication``.
    public var staff: CentreStaffMember?
    /// The connection, whose TLS handshake holds the client's certificate.
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The authenticated terminal; routes behind ``TerminalAuthentication`` always have one.
    func requireTerminal() throws -> RegisteredTerminal {
        guard let terminal else { throw CentreError.missingToken }
        return terminal
    }

    /// The signed-in console member; routes behind ``ConsoleAuthentication`` always have one.
    func requireStaff() throws -> CentreStaffMember {
        guard let staff else { throw CentreError.consoleSignInRequired }
        return staff
    }

    /// The client certificate the TLS handshake verified against the trusted CAs, as DER; nil when
    /// the client showed none (only enrolment goes without).
    func clientCertificate() async throws -> [UInt8]? {
        try await channel.nioSSL_peerCertificate().get()?.toDERBytes()
    }
}
