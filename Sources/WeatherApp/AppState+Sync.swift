import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Background sync: rounds asked for by changes and by the clock, and what they say in the status line.
extension AppState {
    /// A sync round now, or right after the one running; nothing when sync is not set up.
    public mutating func requestSync() -> [Effect] {
        guard var sync else { return [] }
        defer { self.sync = sync }
        if sync.running {
            sync.again = true
            return []
        }
        sync.running = true
        sync.again = false
        sync.lastAttempt = now
        sync.indicator = .syncing
        return [.sync]
    }

    /// The clock: the spinner turns, and a sync round starts when one is due.
    mutating func tick(_ date: Date) -> [Effect] {
        now = date
        if case .working = status { spinner += 1 }
        if let sync, !sync.running, now.timeIntervalSince(sync.lastAttempt ?? .distantPast) >= sync.interval {
            return requestSync()
        }
        return []
    }

    mutating func syncFinished(changed: Bool, waiting: Int) -> [Effect] {
        guard var sync else { return [] }
        sync.running = false
        sync.indicator = waiting == 0 ? .synced : .offline(waiting: waiting)
        self.sync = sync
        // Records from other devices appear without a key press, and the selection stays on its record.
        return (changed ? reloadHistory() : []) + (sync.again ? requestSync() : [])
    }

    mutating func syncFailed(_ message: String, offline: Bool, waiting: Int) -> [Effect] {
        guard var sync else { return [] }
        sync.running = false
        sync.again = false
        sync.indicator = offline ? .offline(waiting: waiting) : .failed
        self.sync = sync
        // Offline is normal life and the status line's corner says so; a refusal needs the person.
        if !offline, status == .idle || isInfo(status) { status = .warning(message) }
        return []
    }

    func isInfo(_ status: Status) -> Bool {
        if case .info = status { return true }
        return false
    }
}
