package org.vtl.cartridge.log;

import org.vtl.cartridge.CapacityPolicy;

/**
 * Tuning of the cartridge log.
 *
 * @param policy             early warning and the largest block
 * @param checkpointSegments after this many segments written without a sync point, the log syncs the pool and
 *                           commits their index entries (without waiting for the WAL), so memory stays bounded
 *                           in a long buffered stream
 */
public record LogConfig(CapacityPolicy policy, int checkpointSegments) {

    public static final LogConfig DEFAULT = new LogConfig(CapacityPolicy.DEFAULT, 16);

    public LogConfig {
        if (checkpointSegments < 1) {
            throw new IllegalArgumentException("checkpointSegments >= 1");
        }
    }
}
