/// The paths of version 1.
public enum RecordPaths {
    public static let records = "/v1/records"
    public static let sync = "/v1/sync"
    public static let metrics = "/metrics"
    public static let health = "/healthz"
    public static let ready = "/readyz"
    /// The weather gateway: `/v1/gateway/UPSTREAM/…` (see `GatewayUpstream`).
    public static let gateway = "/v1/gateway"
}
