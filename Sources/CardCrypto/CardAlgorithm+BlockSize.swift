extension CardAlgorithm {
    /// The cipher's block size in bytes: 8 for DES/3DES, 16 for SM4 and SSF33. Paddings, initial
    /// vectors and challenges are sized by it.
    public var blockSize: Int { self == .des ? 8 : 16 }
}
