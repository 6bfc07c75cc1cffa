/// The store's schema as named migrations, applied once each, in order, and never changed once shipped.
enum RecordSchema {
    /// Identifies a meteo store in the SQLite header (`PRAGMA application_id`): "mtoR".
    static let applicationID: Int32 = 0x6D74_6F52

    static let migrations: [(name: String, sql: String)] = [
        (
            "v1-create-record",
            """
            CREATE TABLE record (
                id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 36 AND id = lower(id)),
                place_name TEXT NOT NULL CHECK (length(place_name) BETWEEN 1 AND 200),
                place_key TEXT NOT NULL,
                admin1 TEXT,
                country TEXT,
                country_code TEXT CHECK (country_code IS NULL OR length(country_code) = 2),
                latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
                longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
                timezone TEXT,
                observed_at INTEGER NOT NULL,
                recorded_at INTEGER NOT NULL,
                provider TEXT NOT NULL CHECK (provider IN ('open-meteo', 'openweathermap')),
                temperature REAL,
                apparent_temperature REAL,
                weather_code INTEGER,
                wind_speed REAL,
                wind_direction REAL,
                humidity REAL CHECK (humidity IS NULL OR humidity BETWEEN 0 AND 100),
                pressure REAL,
                precipitation REAL,
                units TEXT NOT NULL CHECK (units IN ('metric', 'imperial')),
                deleted_at INTEGER,
                -- Sync: 1 while a local change (the record or its tombstone) has not reached the service.
                dirty INTEGER NOT NULL DEFAULT 1 CHECK (dirty IN (0, 1)),
                -- Sync: the service's change number for this record, once it has one.
                server_version INTEGER
            ) STRICT;
            -- Newest first, one page, without reading the table: the history screen and `meteo history`.
            CREATE INDEX record_live_recent ON record (recorded_at DESC, id DESC) WHERE deleted_at IS NULL;
            -- The place filter (prefix of the folded name), in history order.
            CREATE INDEX record_live_place ON record (place_key, recorded_at DESC, id DESC) WHERE deleted_at IS NULL;
            -- Undo: the latest tombstone.
            CREATE INDEX record_deleted ON record (deleted_at DESC) WHERE deleted_at IS NOT NULL;
            -- Sync: what to push.
            CREATE INDEX record_dirty ON record (id) WHERE dirty = 1;
            -- Sync: the pull cursor and other small facts, by name.
            CREATE TABLE sync_state (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) STRICT;
            """
        ),
        (
            "v2-sync-undo-and-foreign-tombstones",
            """
            -- Undo of a synced delete restores a copy under a new id; this marks the tombstone as undone.
            ALTER TABLE record ADD COLUMN restored INTEGER NOT NULL DEFAULT 0 CHECK (restored IN (0, 1));
            -- Deletes pulled from the service for records this store never held.
            CREATE TABLE remote_tombstone (
                id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 36),
                deleted_at INTEGER NOT NULL
            ) STRICT;
            """
        ),
        (
            "v3-observations",
            """
            -- Records are observations: adding one finds the same place, provider and observation time at once.
            CREATE INDEX record_live_observation ON record (observed_at, provider) WHERE deleted_at IS NULL;
            -- Kept from an offline result (the last answer, from the cache), shown as such.
            ALTER TABLE record ADD COLUMN kept_offline INTEGER NOT NULL DEFAULT 0 CHECK (kept_offline IN (0, 1));
            """
        ),
        (
            "v4-dirty-in-kept-order",
            """
            -- Sync: what to push, in the order it was kept. Keyed by id, every import wrote this index at random
            -- places; keyed by the flag alone its entries follow the rowid, so new records are appended.
            DROP INDEX record_dirty;
            CREATE INDEX record_dirty_kept ON record (dirty) WHERE dirty = 1;
            """
        ),
        (
            "v5-no-server-version",
            """
            -- Never used: sync follows the service's change cursor, not a version per record.
            ALTER TABLE record DROP COLUMN server_version;
            """
        ),
        (
            "v6-trend",
            """
            -- A place's trend (`meteo trend`, the record view): its records by observation time, with where they
            -- were, how warm, and whether they are deleted, so every trend query reads this index's range and never
            -- the table (a partial index would not cover a query that names deleted_at).
            CREATE INDEX record_place_observed
                ON record (place_key, observed_at, latitude, longitude, temperature, deleted_at);
            """
        ),
    ]

    /// Brings the store at `connection` up to this version, or refuses it.
    /// - Throws: `RecordStoreError.notARecordStore` for a database that is not meteo's,
    ///   `.newerVersion` for one with migrations this version does not know.
    static func migrate(_ connection: SQLiteConnection, path: String) throws {
        let known = migrations.map(\.name)
        // The common case, an up-to-date store, needs only a read: no write lock at every start.
        if try !identify(connection, path: path) {
            let applied = try connection.query("SELECT name FROM meteo_migration").compactMap { $0.text("name") }
            if Set(applied) == Set(known) { return }
        }
        try connection.transaction {
            let isNew = try identify(connection, path: path)
            if isNew {
                try connection.execute(
                    "PRAGMA application_id = \(applicationID); CREATE TABLE meteo_migration (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))) STRICT"
                )
            }
            let applied = try connection.query("SELECT name FROM meteo_migration").compactMap { $0.text("name") }
            let unknown = applied.filter { !known.contains($0) }
            // Names this version does not know come from a newer meteo, unless they are not names at all.
            if unknown.contains(where: { !isMigrationName($0) }) { throw RecordStoreError.corrupted(path: path) }
            if !unknown.isEmpty { throw RecordStoreError.newerVersion(path: path) }
            for migration in migrations where !applied.contains(migration.name) {
                try connection.execute(migration.sql)
                try connection.query("INSERT INTO meteo_migration (name) VALUES (?)", [.text(migration.name)])
            }
        }
    }
}

extension RecordSchema {
    /// Whether the database is empty (`true`) or already a meteo store (`false`), reading only.
    /// - Throws: `RecordStoreError.notARecordStore` for anything else.
    static func identify(_ connection: SQLiteConnection, path: String) throws -> Bool {
        // One statement, so one snapshot: read separately, another process's first migration could commit
        // in between and make a half-seen store look foreign.
        let row = try connection.query(
            """
            SELECT (SELECT application_id FROM pragma_application_id()) AS id,
                (SELECT count(*) FROM sqlite_schema WHERE type = 'table') AS tables,
                (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meteo_migration') AS meteo
            """
        ).first
        let id = row?.integer("id") ?? 0
        let tables = row?.integer("tables") ?? 0
        if id == 0 && tables == 0 { return true }
        guard id == Int64(applicationID), row?.integer("meteo") == 1 else {
            throw RecordStoreError.notARecordStore(path: path)
        }
        return false
    }

    /// "v12-add-something".
    static func isMigrationName(_ name: String) -> Bool {
        guard name.hasPrefix("v"), let dash = name.firstIndex(of: "-") else { return false }
        let number = name[name.index(after: name.startIndex)..<dash]
        let rest = name[name.index(after: dash)...]
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber) && !rest.isEmpty
            && rest.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}
