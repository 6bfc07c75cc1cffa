/// The paths of version 1.
public enum RecordPaths {
    public static let records = "/v1/records"
    public static let sync = "/v1/sync"
    public static let metrics = "/metrics"
    public static let health = "/healthz"
    public static let ready = "/readyz"
}
