package org.vtl.cartridge.log;

import org.vtl.cartridge.CapacityPolicy;

/**
 * Tuning of the cartridge log.
 *
 * @param policy             early warning and the largest block
 * @param checkpointSegments after this many segments written without a sync point, the log syncs the pool and
 *                           commits their index entries (without waiting for the WAL), so memory stays bounded
 *                           in a long buffered stream
 * @param segmentsInFlight   how many full segments one mounted cartridge may have on their way to the pool while
 *                           it goes on compressing the next blocks (0: every segment is written before the next
 *                           block is accepted); all are waited for at every sync point and checkpoint
 */
public record LogConfig(CapacityPolicy policy, int checkpointSegments, int segmentsInFlight) {

    /** Segments in flight per mounted cartridge when not configured: enough to overlap member I/O with compression. */
    public static final int DEFAULT_SEGMENTS_IN_FLIGHT = 2;

    public static final LogConfig DEFAULT = new LogConfig(CapacityPolicy.DEFAULT, 16);

    public LogConfig {
        if (checkpointSegments < 1) {
            throw new IllegalArgumentException("checkpointSegments >= 1");
        }
        if (segmentsInFlight < 0) {
            throw new IllegalArgumentException("segmentsInFlight >= 0");
        }
    }

    public LogConfig(CapacityPolicy policy, int checkpointSegments) {
        this(policy, checkpointSegments, DEFAULT_SEGMENTS_IN_FLIGHT);
    }
}
