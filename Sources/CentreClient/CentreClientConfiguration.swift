import Foundation

/// Where the centre is and how this terminal proves who it is: the files a terminal is installed
/// with (`sskiosk centre register-terminal` makes the token; the CA signs both ends' certificates).
public struct CentreClientConfiguration: Sendable {
    /// `https://host:port`, the centre's address; the certificate must name this host.
    public var url: URL
    /// The centre CA's certificate (PEM): the only trust root, so no other CA can stand in for the centre.
    public var caFile: String
    /// This terminal's client certificate (PEM), signed by the same CA.
    public var certificateFile: String
    /// Its private key (PEM).
    public var keyFile: String
    /// A file holding the bearer token; read once, never logged.
    public var tokenFile: String
    /// Time to connect and finish the TLS handshake.
    public var connectTimeout: Duration
    /// Time a call may go without a byte from the centre before it is given up.
    public var readTimeout: Duration

    public init(
        url: URL, caFile: String, certificateFile: String, keyFile: String, tokenFile: String,
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.tokenFile = tokenFile
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
    }
}
