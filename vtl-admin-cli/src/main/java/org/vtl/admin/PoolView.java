package org.vtl.admin;

import java.util.List;

/**
 * The RAID-6 pool as {@code vtl pool status} shows it.
 *
 * @param state            {@code online}, {@code degraded}, {@code rebuilding} or {@code failed}
 * @param capacityBytes    usable bytes (after parity)
 * @param usedBytes        bytes in use
 * @param freeBytes        bytes free
 * @param compressionRatio native bytes written per stored byte, measured; 1.0 before anything was written
 * @param chunkBytes       chunk size
 * @param groups           RAID-6 groups in order
 */
public record PoolView(String state, long capacityBytes, long usedBytes, long freeBytes, double compressionRatio,
                       long chunkBytes, List<Group> groups) {

    /**
     * One RAID-6 group.
     *
     * @param index   group number from 0
     * @param state   {@code online}, {@code degraded}, {@code rebuilding}, {@code failed}
     * @param members its members in stripe order
     */
    public record Group(int index, String state, List<Member> members) {
    }

    /**
     * One member disk.
     *
     * @param index           member number in the pool, from 0
     * @param path            file or device
     * @param sizeBytes       size
     * @param state           {@code online}, {@code failed}, {@code rebuilding}, {@code missing}
     * @param readErrors      read errors seen
     * @param rebuildProgress 0..1 while rebuilding, else {@code null}
     */
    public record Member(int index, String path, long sizeBytes, String state, long readErrors,
                         Double rebuildProgress) {
    }
}
