extension SQLiteKioskStore {
    /// The identifiers of the store's migrations, oldest first: the schema this build writes, which
    /// ``health(ofCacheAt:)`` compares a cache file against.
    public static var migrations: [String] { StoreSchema.migrator.migrations }
}
