/// The version meteo reports in its User-Agent and `--version`.
public enum MeteoVersion {
    public static let current = "0.1.0"
}
