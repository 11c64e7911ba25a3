import X509

extension RegisteredTerminal {
    /// Whether a client certificate (DER, verified by the TLS handshake) is this terminal's: the
    /// very one issued at its enrolment, or, for a terminal registered by hand, one whose common
    /// name is its id. So a token shown with another terminal's certificate is refused.
    func accepts(certificate der: [UInt8]) -> Bool {
        if let certificateFingerprint {
            return TerminalAuthority.fingerprint(der: der) == certificateFingerprint
        }
        guard let certificate = try? Certificate(derEncoded: der) else { return false }
        let names = certificate.subject.flatMap { $0 }.filter { $0.type == .RDNAttributeType.commonName }
        return names.count == 1 && names.allSatisfy { String(describing: $0.value) == id }
    }
}
