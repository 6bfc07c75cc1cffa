public import Prometheus
import Synchronization

/// The service's Prometheus metrics: requests by route, method and status, their latency, and database use.
public final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let databaseInUse: Gauge

    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
        .seconds(5),
    ]

    public init(poolSize: Int) {
        databaseInUse = registry.makeGauge(
            descriptor: .init(
                namespace: "meteo_records", metricName: "db_connections", unitName: "in_use",
                helpText: "Requests holding or waiting for a database connection"))
        registry.makeGauge(
            descriptor: .init(
                namespace: "meteo_records", metricName: "db_connections", unitName: "max",
                helpText: "Size of the database connection pool")
        ).set(Double(poolSize))
    }

    /// Counts one finished request.
    func observe(route: String, method: String, status: Int, duration: Duration) {
        let key = SeriesKey(route: route, method: method, status: status)
        let known = series.withLock { $0[key] }
        let (counter, histogram) = known ?? makeSeries(key)
        counter.increment()
        histogram.record(duration)
    }

    /// A request's metric series, looked up in the registry once per label set (the registry's lookup builds
    /// names and labels each time, which every request would pay).
    private func makeSeries(_ key: SeriesKey) -> (Counter, DurationHistogram) {
        let made = (
            registry.makeCounter(
                descriptor: .init(
                    namespace: "meteo_records", metricName: "http_requests", unitName: "total",
                    helpText: "HTTP requests by route, method and status"),
                labels: [("route", key.route), ("method", key.method), ("status", String(key.status))]),
            registry.makeDurationHistogram(
                descriptor: .init(
                    namespace: "meteo_records", metricName: "http_request_duration", unitName: "seconds",
                    helpText: "HTTP request latency by route"), labels: [("route", key.route)], buckets: Self.buckets)
        )
        series.withLock { $0[key] = made }
        return made
    }

    private struct SeriesKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private let series = Mutex<[SeriesKey: (Counter, DurationHistogram)]>([:])

    /// Counts one gateway event (`cache_hits`, `upstream_requests`, …) for `provider`, with one more label.
    func gateway(_ name: String, provider: String, _ label: (String, String)? = nil) {
        let key = GatewaySeries(name: name, provider: provider, label: label?.0 ?? "", value: label?.1 ?? "")
        if let counter = counters.withLock({ $0[key] }) {
            counter.increment()
            return
        }
        let labels = [("provider", provider)] + (label.map { [$0] } ?? [])
        let counter = registry.makeCounter(
            descriptor: .init(
                namespace: "meteo_records", subsystem: "gateway", metricName: name, unitName: "total",
                helpText: Self.gatewayHelp[name] ?? name),
            labels: labels)
        counters.withLock { $0[key] = counter }
        counter.increment()
    }

    static let gatewayHelp = [
        "cache_hits": "Gateway answers from a cache, by provider and layer (memory or database)",
        "cache_misses": "Gateway requests that found nothing kept, by provider",
        "stale_served": "Stale gateway answers, by provider and reason (revalidating or upstream_error)",
        "coalesced_waits": "Gateway requests that waited for another's upstream request, by provider",
        "upstream_requests": "Requests to the providers, by provider and status (or timeout, closed, …)",
        "upstream_errors": "Provider failures and refusals to ask, by provider and reason",
    ]

    private struct GatewaySeries: Hashable {
        let name: String
        let provider: String
        let label: String
        let value: String
    }

    private let counters = Mutex<[GatewaySeries: Counter]>([:])

    /// The Prometheus text exposition.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
