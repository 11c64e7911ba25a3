extension CardCryptography {
    /// The 16-byte key diversified from `key` with `factor`: E(K, f || NOT f) in ECB mode.
    ///
    /// For DES/3DES (8-byte blocks) ECB over the two halves is the specification's rule for
    /// double-length keys: left = 3DES(K, f), right = 3DES(K, NOT f). For SM4 (and SSF33) the
    /// same 16 bytes form one block, which gives a 16-byte key. The SM4 rule is an *unverified*
    /// assumption: the public sources state only the 3DES rule, and this keeps its input.
    public func diversify(_ key: SecretKey, factor: DiversificationFactor) throws(CardCryptoError) -> SecretKey {
        let cipher = try cipher(key: key)
        var derived = try cipher.encryptECB(factor.bytes + factor.bytes.map { ~$0 })
        return SecretKey(wiping: &derived)
    }

    /// Diversifies level by level, the first factor first (e.g. region, then card).
    public func diversify(_ key: SecretKey, factors: [DiversificationFactor]) throws(CardCryptoError) -> SecretKey {
        var derived = key
        for factor in factors {
            derived = try diversify(derived, factor: factor)
        }
        return derived
    }
}
