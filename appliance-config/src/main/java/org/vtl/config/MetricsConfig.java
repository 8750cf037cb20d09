package org.vtl.config;

/** Metrics: Micrometer meters, scraped as Prometheus text. */
public record MetricsConfig(
        @ConfigKey(doc = "Serve GET /metrics.")
        boolean enabled,
        @ConfigKey(doc = "Include JVM meters (memory, threads, GC, CPU, uptime).")
        boolean jvm) {
}
