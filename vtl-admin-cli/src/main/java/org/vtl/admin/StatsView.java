package org.vtl.admin;

import java.util.List;

/**
 * Throughput and compression, as {@code vtl stats} shows them. Rates are averages over the time since the previous
 * stats request (or since the drive started, for the first one).
 *
 * @param partitions per partition
 * @param drives     per drive
 */
public record StatsView(List<Partition> partitions, List<Drive> drives) {

    /**
     * @param name             partition
     * @param writtenBytes     native bytes its cartridges hold
     * @param readBytes        native bytes read from its cartridges
     * @param writeBytesPerSec what its drives write per second now
     * @param readBytesPerSec  what its drives read per second now
     * @param compressionRatio native per stored byte of what its cartridges hold
     */
    public record Partition(String name, long writtenBytes, long readBytes, double writeBytesPerSec,
                            double readBytesPerSec, double compressionRatio) {
    }

    /**
     * @param partition        owning partition
     * @param index            drive number
     * @param writtenBytes     bytes initiators wrote through it since the daemon started
     * @param readBytes        bytes initiators read through it since the daemon started
     * @param storedBytes      bytes stored for what it wrote, after compression
     * @param blocksWritten    data blocks written
     * @param blocksRead       data blocks read
     * @param writeBytesPerSec recent write rate
     * @param readBytesPerSec  recent read rate
     * @param compressionRatio native per stored byte of what it wrote
     */
    public record Drive(String partition, int index, long writtenBytes, long readBytes, long storedBytes,
                        long blocksWritten, long blocksRead, double writeBytesPerSec, double readBytesPerSec,
                        double compressionRatio) {
    }
}
