package org.vtl.admin;

import java.util.function.Supplier;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /health}, {@code GET /metrics}, {@code GET /api/v1/status} and {@code POST /api/v1/capacity/plan}:
 * the appliance as a whole.
 */
final class ApplianceRoutes {

    /** Prometheus text exposition format 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private ApplianceRoutes() {
    }

    static void register(Router router, Supplier<HealthView> health, PrometheusMeterRegistry prometheus,
                         AdminServices services) {
        router.add("GET", "/health", r -> ApiResponse.ok(health.get()));
        router.add("GET", "/metrics", r -> {
            if (prometheus == null) {
                throw ApiException.notFound("metrics are disabled (metrics.enabled: false in the configuration)");
            }
            return ApiResponse.text(prometheus.scrape(), PROMETHEUS_TEXT);
        });
        router.add("GET", "/api/v1/status", r -> ApiResponse.ok(new StatusView(health.get(),
                services.pool().map(PoolService::status).orElse(null),
                services.partitions().map(p -> p.list().stream().map(LibraryRoutes::redacted).toList())
                        .orElse(null))));
        router.add("POST", "/api/v1/capacity/plan", r -> {
            CapacityPlan.Request request = r.body(CapacityPlan.Request.class);
            return ApiResponse.ok(CapacityPlan.answer(request, services.pool().map(PoolService::status).orElse(null)));
        });
    }
}
