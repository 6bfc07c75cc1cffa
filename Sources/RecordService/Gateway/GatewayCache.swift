import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// One kept upstream answer: a 200 with a JSON body, and when it was fetched.
struct GatewayEntry: Sendable, Equatable {
    /// A buffer, so that each hit shares it rather than copying it.
    var body: ByteBuffer
    var contentType: String
    var fetchedAt: Date

    /// What the entry costs to keep, its key included.
    func cost(key: String) -> Int { body.readableBytes + contentType.utf8.count + key.utf8.count + 64 }
}

/// A replica's own cache in front of PostgreSQL: bounded in entries and bytes, least recently used evicted first.
final class MemoryCache: Sendable {
    private struct Slot {
        var entry: GatewayEntry
        var used: UInt64
        var cost: Int
        /// When this replica last told PostgreSQL the entry was used.
        var sharedTouch: ContinuousClock.Instant
    }

    private struct State {
        var slots: [String: Slot] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    let maxEntries: Int
    let maxBytes: Int
    private let state = Mutex(State())

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    /// The entry under `key`, marked as used; `touchShared` is true when PostgreSQL has not heard of a use of it
    /// for a minute (its own LRU order then learns of the replica's hits).
    func get(_ key: String, now: ContinuousClock.Instant = .now) -> (entry: GatewayEntry, touchShared: Bool)? {
        state.withLock { state in
            guard var slot = state.slots[key] else { return nil }
            state.clock += 1
            slot.used = state.clock
            let touch = now - slot.sharedTouch > .seconds(60)
            if touch { slot.sharedTouch = now }
            state.slots[key] = slot
            return (slot.entry, touch)
        }
    }

    /// Keeps `entry` under `key`, evicting the least recently used until both bounds hold.
    func put(_ key: String, _ entry: GatewayEntry, now: ContinuousClock.Instant = .now) {
        let cost = entry.cost(key: key)
        guard cost <= maxBytes else { return }
        state.withLock { state in
            if let old = state.slots.removeValue(forKey: key) { state.bytes -= old.cost }
            state.clock += 1
            state.slots[key] = Slot(entry: entry, used: state.clock, cost: cost, sharedTouch: now)
            state.bytes += cost
            while state.slots.count > maxEntries || state.bytes > maxBytes {
                // A scan, not a list: puts are upstream fetches (a few a second at most), gets stay O(1).
                guard let oldest = state.slots.min(by: { $0.value.used < $1.value.used }) else { break }
                state.slots[oldest.key] = nil
                state.bytes -= oldest.value.cost
            }
        }
    }

    var count: Int { state.withLock { $0.slots.count } }
    var bytes: Int { state.withLock { $0.bytes } }
}

/// The cache every replica shares: an UNLOGGED PostgreSQL table (no WAL: a crash of PostgreSQL empties it,
/// which costs a refetch, never a wrong answer), bounded in rows and bytes, least recently used evicted first.
struct SharedCache: Sendable {
    let client: PostgresClient
    let logger: Logger
    let maxRows: Int
    let maxBytes: Int

    /// The row's key: a digest, since a normalised query may be longer than a B-tree row allows.
    static func digest(_ key: String) -> String { TokenStore.hash(key) }

    func get(_ key: String) async throws -> GatewayEntry? {
        let key = Self.digest(key)
        let rows = try await client.query(
            """
            UPDATE gateway_cache SET used_at = now() WHERE key = \(key)
            RETURNING body, content_type, fetched_at
            """, logger: logger)
        for try await (body, contentType, fetchedAt) in rows.decode((ByteBuffer, String, Date).self) {
            return GatewayEntry(body: body, contentType: contentType, fetchedAt: fetchedAt)
        }
        return nil
    }

    /// Stores `entry` (a newer one wins over an older one from another replica), then evicts beyond the bounds.
    func put(_ key: String, upstream: String, _ entry: GatewayEntry) async throws {
        let body = entry.body
        let cost = entry.cost(key: key)
        let key = Self.digest(key)
        try await client.query(
            """
            INSERT INTO gateway_cache (key, upstream, content_type, body, bytes, fetched_at, used_at)
            VALUES (\(key), \(upstream), \(entry.contentType), \(body), \(cost), \(entry.fetchedAt), now())
            ON CONFLICT (key) DO UPDATE SET content_type = excluded.content_type, body = excluded.body,
                bytes = excluded.bytes, fetched_at = excluded.fetched_at, used_at = now()
            WHERE gateway_cache.fetched_at <= excluded.fetched_at
            """, logger: logger)
        try await evict()
    }

    /// Deletes the least recently used rows beyond `maxRows` or `maxBytes`.
    func evict() async throws {
        try await client.query(
            """
            DELETE FROM gateway_cache WHERE key IN (
                SELECT key FROM (
                    SELECT key, row_number() OVER newest AS rank, sum(bytes) OVER newest AS total
                    FROM gateway_cache WINDOW newest AS (ORDER BY used_at DESC, key)
                ) ranked WHERE rank > \(maxRows) OR total > \(Int64(maxBytes)))
            """, logger: logger)
    }

    /// Marks `key` as used now (a replica's memory hits, told once a minute).
    func touch(_ key: String) async throws {
        let key = Self.digest(key)
        try await client.query("UPDATE gateway_cache SET used_at = now() WHERE key = \(key)", logger: logger)
    }
}
