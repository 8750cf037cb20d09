/**
 * The admin HTTP API of the daemon: JSON over HTTP on loopback with a bearer token
 * ({@link org.vtl.admin.AdminServer}), {@code GET /health}, {@code GET /metrics} (Prometheus text) and the
 * resources the {@code vtl} CLI drives under {@code /api/v1}. The state behind the resources comes through the
 * service interfaces ({@link org.vtl.admin.PartitionService}, {@link org.vtl.admin.CartridgeService},
 * {@link org.vtl.admin.PoolService}, {@link org.vtl.admin.StatsService}), which the appliance wires to the
 * catalog, the library partitions and the pool; long operations run as jobs ({@link org.vtl.admin.JobRegistry}).
 * Errors are {@link org.vtl.admin.ApiError}s: a code and one line.
 */
package org.vtl.admin;
