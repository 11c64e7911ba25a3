extension KeyedDecodingContainer {
    /// The value for `key`, or `fallback` when the template's JSON leaves it out, so regional
    /// layouts only spell out what differs from the defaults.
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key, default fallback: T) throws -> T {
        try decodeIfPresent(type, forKey: key) ?? fallback
    }
}
