package org.vtl.admin;

import java.util.List;

/**
 * {@code GET /api/v1/status} ({@code vtl status}): the health, the pool and the partitions, each {@code null}
 * when the component behind it is not available.
 *
 * @param health     the appliance and its components
 * @param pool       the pool, or {@code null}
 * @param partitions the partitions, or {@code null}
 */
public record StatusView(HealthView health, PoolView pool, List<PartitionView> partitions) {
}
