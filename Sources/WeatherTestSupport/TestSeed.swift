public import Foundation

/// A small, seedable random source, so that a failing run can be replayed from its seed.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The seed of a test's random choices: `METEO_TEST_SEED` when it is set (to replay a failure), else a new one.
/// Tests name it in their failure messages, so a failure says how to replay it.
public enum TestSeed {
    public static func make() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["METEO_TEST_SEED"], let seed = UInt64(text) { return seed }
        var system = SystemRandomNumberGenerator()
        return system.next()
    }

    /// "seed N (replay: METEO_TEST_SEED=N)", for a failure message.
    public static func describe(_ seed: UInt64) -> String { "seed \(seed) (replay: METEO_TEST_SEED=\(seed))" }
}
