package org.vtl.admin;

import java.util.function.Supplier;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Assembles every route of the admin API over the services the appliance has. */
public final class AdminApi {

    private AdminApi() {
    }

    /**
     * The routes.
     *
     * @param health     the appliance's health, computed per call
     * @param prometheus the registry {@code /metrics} scrapes, or {@code null} when metrics are disabled
     * @param services   what backs the resources; absent ones answer 503
     * @param jobs       the daemon's jobs
     */
    public static Router routes(Supplier<HealthView> health, PrometheusMeterRegistry prometheus,
                                AdminServices services, JobRegistry jobs) {
        Router router = new Router();
        ApplianceRoutes.register(router, health, prometheus, services);
        LibraryRoutes.register(router, services.partitions());
        CartridgeRoutes.register(router, services.cartridges(), services.partitions(), jobs);
        PoolRoutes.register(router, services.pool(), jobs);
        JobRoutes.register(router, jobs);
        router.add("GET", "/api/v1/stats", r -> ApiResponse.ok(services.stats()
                .orElseThrow(() -> ApiException.unavailable("statistics", "the tape drives and the compression engine"))
                .stats()));
        return router;
    }
}
