import Foundation
import Synchronization

/// A token bucket per caller: `perMinute` requests a minute on average, bursts up to the same number.
///
/// Each replica counts on its own, so N replicas allow up to N times the rate; a shared limit would need a
/// shared store, which this service does not otherwise need.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let perMinute: Int
    private let buckets = Mutex<[String: Bucket]>([:])
    private static let maxCallers = 100_000

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// The seconds to wait when `caller`'s bucket is empty now; `nil` while it holds a request (none is taken).
    func waitIfEmpty(_ caller: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            guard let bucket = buckets[caller] else { return nil }
            return wait(refilled(bucket, now: now).tokens)
        }
    }

    /// `bucket` with what has dripped in since it was last touched.
    private func refilled(_ bucket: Bucket, now: ContinuousClock.Instant) -> Bucket {
        let elapsed = now - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Bucket(tokens: min(Double(perMinute), bucket.tokens + seconds * Double(perMinute) / 60), updated: now)
    }

    /// `nil` when `tokens` hold a request, else the whole seconds until one has dripped in.
    private func wait(_ tokens: Double) -> Int? {
        tokens >= 1 ? nil : max(1, Int(((1 - tokens) / (Double(perMinute) / 60)).rounded(.up)))
    }

    /// Takes one request from `caller`'s bucket; returns `nil` when allowed, else the seconds to wait.
    func take(_ caller: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            var bucket = refilled(buckets[caller] ?? Bucket(tokens: Double(perMinute), updated: now), now: now)
            defer {
                if buckets.count >= Self.maxCallers { buckets.removeAll(keepingCapacity: true) }
                buckets[caller] = bucket
            }
            guard let wait = wait(bucket.tokens) else {
                bucket.tokens -= 1
                return nil
            }
            return wait
        }
    }
}
