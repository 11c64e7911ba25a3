extension SQLiteKioskStore {
    /// The identifiers of the store's migrations, oldest first: the schema this build writes, for
    /// diagnostics to compare a cache file against.
    public static var migrations: [String] { StoreSchema.migrator.migrations }
}
