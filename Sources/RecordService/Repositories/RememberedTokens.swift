import Synchronization

/// Remembers the tokens it found live for `ttl`, so that a request answered from memory (a gateway hit) does not
/// wait on PostgreSQL for its token: a revoked token keeps working there for `ttl` at most. Unknown tokens are
/// never remembered (the failure budget per address guards that path).
public final class RememberedTokens<Base: TokenLookup>: TokenLookup {
    let base: Base
    let ttl: Duration
    private let known = Mutex<[String: (user: Int64, until: ContinuousClock.Instant)]>([:])
    static var limit: Int { 10_000 }

    public init(_ base: Base, ttl: Duration) {
        self.base = base
        self.ttl = ttl
    }

    public func remembered(_ hash: String) -> Int64? {
        let now = ContinuousClock.now
        return known.withLock { known in
            guard let entry = known[hash], entry.until > now else { return nil }
            return entry.user
        }
    }

    public func user(forHash hash: String) async throws -> Int64? {
        if let user = remembered(hash) { return user }
        let user = try await base.user(forHash: hash)
        let until = ContinuousClock.now + ttl
        known.withLock { known in
            guard let user else {
                known[hash] = nil
                return
            }
            if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
            known[hash] = (user, until)
        }
        return user
    }
}
