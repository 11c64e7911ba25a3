import Hummingbird
import Metrics
import NIOCore
import Prometheus

/// The process's metrics in Prometheus' text format at `/metrics`: swift-metrics bootstrapped once
/// into a Prometheus registry, and each request counted and timed by Hummingbird's
/// `MetricsMiddleware` under its route's template (`/api/persons/{id}`, never the id itself), so
/// that no label carries personal data.
public enum ServerMetrics {
    /// The registry every metric of the process goes to, bootstrapped on first use.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Counts and times every request of `router` and serves `/metrics` on it.
    public static func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let registry = registry
        router.add(middleware: MetricsMiddleware())
        router.get("/metrics") { _, _ in
            var text: [UInt8] = []
            registry.emit(into: &text)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
    }
}
