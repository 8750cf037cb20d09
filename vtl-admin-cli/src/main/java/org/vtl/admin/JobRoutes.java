package org.vtl.admin;

import java.time.Duration;

/** {@code /api/v1/jobs}: list, show (optionally waiting a little for the end), cancel. */
final class JobRoutes {

    private static final long MAX_WAIT_MS = 30_000;

    private JobRoutes() {
    }

    static void register(Router router, JobRegistry jobs) {
        router.add("GET", "/api/v1/jobs", r -> ApiResponse.ok(jobs.list()));
        router.add("GET", "/api/v1/jobs/{id}", r -> {
            long id = r.number("job id", r.param("id"));
            String wait = r.query("waitMs");
            if (wait != null) {
                long ms = Math.min(MAX_WAIT_MS, Math.max(0, r.number("waitMs", wait)));
                return ApiResponse.ok(jobs.await(id, Duration.ofMillis(ms)));
            }
            return ApiResponse.ok(jobs.get(id));
        });
        router.add("DELETE", "/api/v1/jobs/{id}", r -> ApiResponse.ok(jobs.cancel(r.number("job id", r.param("id")))));
    }
}
