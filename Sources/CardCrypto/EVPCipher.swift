import CCrypto

/// One OpenSSL cipher, fetched once from the default provider and shared by every key.
///
/// A fetched `EVP_CIPHER` is immutable and reference counted, so sharing it between threads is
/// safe; each operation gets its own `EVP_CIPHER_CTX`, which OpenSSL wipes when it is freed.
final class EVPCipher: @unchecked Sendable {
    /// OpenSSL's name, e.g. `SM4-ECB`.
    let name: String
    let blockSize: Int
    /// Nil when no provider offers the cipher; reported at first use, not at start-up.
    private let cipher: OpaquePointer?

    // Single and double-length DES keys are expanded to three-key form (K1 K1 K1, K1 K2 K1):
    // OpenSSL 3 keeps single DES in the legacy provider only.
    static let tripleDESECB = EVPCipher(name: "DES-EDE3-ECB", blockSize: 8)
    static let tripleDESCBC = EVPCipher(name: "DES-EDE3-CBC", blockSize: 8)
    static let sm4ECB = EVPCipher(name: "SM4-ECB", blockSize: 16)
    static let sm4CBC = EVPCipher(name: "SM4-CBC", blockSize: 16)

    private init(name: String, blockSize: Int) {
        self.name = name
        self.blockSize = blockSize
        cipher = EVP_CIPHER_fetch(nil, name, nil)
        ERR_clear_error()
    }

    deinit {
        EVP_CIPHER_free(cipher)
    }

    /// Encrypts or decrypts whole blocks without padding; `initialVector` only for CBC.
    func crypt(
        _ data: [UInt8],
        key: SecretKey,
        initialVector: [UInt8]? = nil,
        encrypt: Bool
    ) throws(CardCryptoError) -> [UInt8] {
        guard let cipher else { throw .openSSLUnavailable(name) }
        try requireWholeBlocks(data.count, blockSize: blockSize)
        if let initialVector { try requireBlock(initialVector, "initial vector", blockSize: blockSize) }
        guard !data.isEmpty else { return [] }
        guard let context = EVP_CIPHER_CTX_new() else { throw Self.failure("create a cipher context") }
        defer { EVP_CIPHER_CTX_free(context) }

        let initialised = key.withUnsafeBytes { keyBytes in
            let keyPointer = keyBytes.bindMemory(to: UInt8.self).baseAddress
            return EVP_CipherInit_ex2(context, cipher, keyPointer, initialVector, encrypt ? 1 : 0, nil) == 1
        }
        guard initialised, EVP_CIPHER_CTX_set_padding(context, 0) == 1 else {
            throw Self.failure("set up \(name)")
        }
        var output = [UInt8](repeating: 0, count: data.count + blockSize)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let ok = output.withUnsafeMutableBufferPointer { out in
            EVP_CipherUpdate(context, out.baseAddress, &written, data, Int32(data.count)) == 1
                && EVP_CipherFinal_ex(context, out.baseAddress! + Int(written), &finalWritten) == 1
        }
        guard ok, Int(written + finalWritten) == data.count else { throw Self.failure("run \(name)") }
        output.removeLast(blockSize)
        return output
    }

    /// The error for a failed OpenSSL call, with OpenSSL's reason; clears OpenSSL's error queue.
    private static func failure(_ operation: String) -> CardCryptoError {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return .openSSLFailure(operation, reason: "no reason given") }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let reason = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return .openSSLFailure(operation, reason: reason)
    }
}
