/// The version meteo reports in its User-Agent and `--version`.
public enum MeteoVersion {
    public static let current = "0.1.0"
    /// When `current` was made (the manual pages' date).
    public static let released = "2026-12-02"
}
