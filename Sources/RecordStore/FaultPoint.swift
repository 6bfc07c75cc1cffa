#if DEBUG
    import Glibc
    import Synchronization
#endif

/// Named moments where a test can have the process die (SIGKILL, as a power cut or the OOM killer would), so
/// that crash tests kill at a point the program reaches rather than after a sleep. Compiled only into debug
/// builds, the ones tests run: `METEO_FAULT_KILL_AT=NAME` dies the first time NAME is reached, `NAME@N` the N-th.
public enum FaultPoint {
    #if DEBUG
        private static let target: (name: String, count: Int)? = {
            guard let raw = getenv("METEO_FAULT_KILL_AT") else { return nil }
            let parts = String(cString: raw).split(separator: "@", maxSplits: 1)
            guard let name = parts.first else { return nil }
            let count = parts.count == 2 ? Int(parts[1]) ?? 1 : 1
            return (String(name), max(1, count))
        }()
        private static let reached = Atomic<Int>(0)
    #endif

    /// Dies here when a test asked for this point; nothing at all in a release build.
    @inline(__always)
    public static func reach(_ name: StaticString) {
        #if DEBUG
            guard let target, target.name == name.description else { return }
            if reached.add(1, ordering: .relaxed).newValue == target.count { raise(SIGKILL) }
        #endif
    }
}
