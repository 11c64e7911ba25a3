import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Network errors from NIO and AsyncHTTPClient in the words a technician needs.
enum NetworkFailure {
    static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return "the name \(error.host) does not resolve (DNS)"
            }
            return error.connectionErrors.first.map { describe($0.error) } ?? "no address to connect to"
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused (nothing listens on that port)"
            case EHOSTUNREACH, ENETUNREACH: return "no route to the host (network down?)"
            default: return "\(error)"
            }
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return "no answer to the connection" }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .deadlineExceeded, .readTimeout: return "no answer in time"
            case .remoteConnectionClosed: return "the connection was closed before an answer"
            default: return "\(error)"
            }
        }
        if let error = error as? NIOSSLError, case .handshakeFailed(let reason) = error {
            // BoringSSL's words are `...:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at FILE:LINE`: keep the reason.
            let text = "\(reason)"
            guard let start = text.range(of: "OPENSSL_internal:")?.upperBound else { return "the TLS handshake failed" }
            let code = text[start...].prefix { $0 != " " && $0 != "]" }
            return "the TLS handshake failed (\(code.lowercased().replacingOccurrences(of: "_", with: " ")))"
        }
        return "\(error)"
    }
}
