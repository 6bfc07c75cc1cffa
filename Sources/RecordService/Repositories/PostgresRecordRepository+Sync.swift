public import Foundation
public import Logging
public import PostgresNIO
public import RecordAPI

extension PostgresRecordRepository {
    /// One transaction per batch: a batch applied twice writes no row the second time, so no change position
    /// moves.
    public func push(_ changes: [WireChange], user: Int64, device: String?) async throws -> [PushResult] {
        guard !changes.isEmpty else { return [] }
        return try await client.withTransaction(logger: logger) { connection in
            try await push(changes, user: user, device: device, on: connection)
        }
    }

    /// `push` on a connection whose transaction the caller owns (the late-commit test holds one open).
    public func push(
        _ changes: [WireChange], user: Int64, device: String?, on connection: PostgresConnection
    ) async throws -> [PushResult] {
        let plan = PushPlan(changes)
        let recordIDs = plan.records.map(\.id)
        let bodies = plan.records.map(\.body)
        let times = plan.records.map(\.recordedAt)
        let tombstoneIDs = plan.tombstones.map(\.id)
        let deletedAts = plan.tombstones.map(\.deletedAt)
        var status: [UUID: PushStatus] = [:]
        if !recordIDs.isEmpty {
            let inserted = try await connection.query(
                """
                INSERT INTO record (user_id, id, body, recorded_at, origin)
                SELECT \(user), t.id, t.body::jsonb, t.recorded_at, \(device)
                FROM unnest(\(recordIDs)::uuid[], \(bodies)::text[], \(times)::timestamptz[]) AS t(id, body, recorded_at)
                ON CONFLICT (user_id, id) DO NOTHING RETURNING id
                """, logger: logger)
            for try await id in inserted.decode(UUID.self) { status[id] = .created }
        }
        let already = zip(recordIDs, bodies).filter { status[$0.0] == nil }
        if !already.isEmpty {
            // Only the ids that were already there: compare their bodies (the common batch has none).
            let known = already.map(\.0)
            let knownBodies = already.map(\.1)
            let existing = try await connection.query(
                """
                SELECT r.id, r.body = t.body::jsonb, r.deleted_at IS NOT NULL
                FROM unnest(\(known)::uuid[], \(knownBodies)::text[]) AS t(id, body)
                JOIN record r ON r.user_id = \(user) AND r.id = t.id
                """, logger: logger)
            for try await (id, same, deleted) in existing.decode((UUID, Bool?, Bool).self) where status[id] == nil {
                status[id] = deleted ? .deleted : (same == true ? .unchanged : .conflict)
            }
        }
        if !tombstoneIDs.isEmpty {
            try await connection.query(
                """
                INSERT INTO record (user_id, id, body, recorded_at, deleted_at, origin)
                SELECT \(user), t.id, NULL, t.deleted_at, t.deleted_at, \(device)
                FROM unnest(\(tombstoneIDs)::uuid[], \(deletedAts)::timestamptz[]) AS t(id, deleted_at)
                ON CONFLICT (user_id, id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at, origin = EXCLUDED.origin,
                    change_txid = pg_current_xact_id()::text::bigint, change_seq = nextval('record_change_seq')
                WHERE record.deleted_at IS NULL
                """, logger: logger)
        }
        return plan.results(status)
    }

    /// The changes of `user` after `cursor`, oldest first, leaving out those `device` made itself.
    public func pull(user: Int64, after cursor: ChangeCursor, limit: Int, device: String?) async throws
        -> PulledChanges
    {
        try await client.withConnection { connection in
            // One snapshot for the horizon, the page and the end of the stream.
            try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            do {
                let result = try await pull(user: user, after: cursor, limit: limit, device: device, on: connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    private func pull(
        user: Int64, after cursor: ChangeCursor, limit: Int, device: String?, on connection: PostgresConnection
    ) async throws -> PulledChanges {
        var horizon: Int64 = 0
        for try await value in try await connection.query(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", logger: logger
        ).decode(Int64.self) {
            horizon = value
        }
        let rows = try await connection.query(
            """
            SELECT r.id, r.body::text, r.deleted_at, page.change_txid, page.change_seq
            FROM (
                SELECT id, change_txid, change_seq FROM record
                WHERE user_id = \(user) AND (change_txid, change_seq) > (\(cursor.transaction), \(cursor.sequence))
                    AND change_txid < \(horizon) AND (\(device)::text IS NULL OR origin IS DISTINCT FROM \(device))
                ORDER BY change_txid, change_seq LIMIT \(limit + 1)
            ) AS page
            -- Bodies are turned into text for the page only, whatever plan finds the page.
            JOIN record r ON r.user_id = \(user) AND r.id = page.id
            ORDER BY page.change_txid, page.change_seq
            """, logger: logger)
        var changes: [PulledChange] = []
        var last = cursor
        var full = false
        for try await (id, body, deletedAt, transaction, sequence) in rows.decode(
            (UUID, String?, Date?, Int64, Int64).self)
        {
            if changes.count == limit {
                full = true
                break
            }
            let text = id.uuidString.lowercased()
            if let deletedAt {
                changes.append(PulledChange(id: text, body: nil, deletedAt: Timestamp.format(deletedAt)))
            } else if let body {
                changes.append(PulledChange(id: text, body: body, deletedAt: nil))
            }
            last = ChangeCursor(transaction: transaction, sequence: sequence)
        }
        if !full {
            // Everything final after the cursor was sent or is the caller's own: move past all of it, so that
            // the next pull does not scan the caller's own changes again.
            for try await (transaction, sequence) in try await connection.query(
                """
                SELECT change_txid, change_seq FROM record WHERE user_id = \(user) AND change_txid < \(horizon)
                ORDER BY change_txid DESC, change_seq DESC LIMIT 1
                """, logger: logger
            ).decode((Int64, Int64).self) {
                last = max(last, ChangeCursor(transaction: transaction, sequence: sequence))
            }
        }
        var pending = false
        if !full {
            // Committed but behind a transaction still running: not final yet, so ask again soon.
            for try await _ in try await connection.query(
                """
                SELECT 1 FROM record WHERE user_id = \(user) AND change_txid >= \(horizon)
                    AND (\(device)::text IS NULL OR origin IS DISTINCT FROM \(device)) LIMIT 1
                """, logger: logger
            ).decode(Int.self) {
                pending = true
            }
        }
        return PulledChanges(items: changes, cursor: last, more: full || pending)
    }
}
