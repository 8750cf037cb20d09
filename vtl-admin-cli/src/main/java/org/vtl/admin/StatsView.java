package org.vtl.admin;

import java.util.List;

/**
 * Throughput and compression, as {@code vtl stats} shows them.
 *
 * @param partitions per partition
 * @param drives     per drive
 */
public record StatsView(List<Partition> partitions, List<Drive> drives) {

    /**
     * @param name             partition
     * @param writtenBytes     native bytes written since start
     * @param readBytes        native bytes read since start
     * @param compressionRatio native per stored byte
     */
    public record Partition(String name, long writtenBytes, long readBytes, double compressionRatio) {
    }

    /**
     * @param partition        owning partition
     * @param index            drive number
     * @param writeBytesPerSec recent write rate
     * @param readBytesPerSec  recent read rate
     * @param compressionRatio native per stored byte of what it wrote
     */
    public record Drive(String partition, int index, double writeBytesPerSec, double readBytesPerSec,
                        double compressionRatio) {
    }
}
