package org.vtl.admin;

import java.util.Optional;

/**
 * The services behind the admin API; each is empty while the component that provides it is not part of the
 * appliance, and the API then answers 503 naming that component.
 *
 * @param partitions library partitions and drives (the catalog and the library)
 * @param cartridges cartridges (the catalog)
 * @param pool       the RAID-6 pool
 * @param stats      drive and engine statistics
 */
public record AdminServices(Optional<PartitionService> partitions, Optional<CartridgeService> cartridges,
                            Optional<PoolService> pool, Optional<StatsService> stats) {

    /** No services: what the appliance has before the catalog, the pool and the library are wired. */
    public static AdminServices none() {
        return new AdminServices(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
