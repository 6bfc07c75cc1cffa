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
        let capacity = Double(perMinute)
        let perSecond = capacity / 60
        return buckets.withLock { buckets in
            guard let bucket = buckets[caller] else { return nil }
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let tokens = min(capacity, bucket.tokens + seconds * perSecond)
            return tokens >= 1 ? nil : max(1, Int(((1 - tokens) / perSecond).rounded(.up)))
        }
    }

    /// Takes one request from `caller`'s bucket; returns `nil` when allowed, else the seconds to wait.
    func take(_ caller: String, now: ContinuousClock.Instant = .now) -> Int? {
        let capacity = Double(perMinute)
        let perSecond = capacity / 60
        return buckets.withLock { buckets in
            var bucket = buckets[caller] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + seconds * perSecond)
            bucket.updated = now
            defer {
                if buckets.count >= Self.maxCallers { buckets.removeAll(keepingCapacity: true) }
                buckets[caller] = bucket
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
        }
    }
}
