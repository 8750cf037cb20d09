package org.vtl.raid;

import java.util.List;
import java.util.UUID;
import org.vtl.raid.io.MemberState;

/**
 * A snapshot of a pool for the admin API. Space is counted in rows: a stripe narrower than k still
 * occupies its whole row, so {@code usedBytes} can exceed {@code liveBytes}.
 *
 * @param capacityBytes data capacity: rows x k x chunk over all groups
 * @param usedBytes rows in use x k x chunk
 * @param freeBytes capacity minus used
 * @param liveBytes sum of the lengths of live extents
 */
public record PoolStatus(UUID poolId, long capacityBytes, long usedBytes, long freeBytes, long liveBytes,
        List<GroupStatus> groups, List<MemberStatus> members, RepairProgress rebuild, RepairProgress scrub) {

    public PoolStatus {
        groups = List.copyOf(groups);
        members = List.copyOf(members);
    }

    /** One RAID-6 group. */
    public record GroupStatus(int group, GroupState state, int dataWidth, int chunkSize, long rows, long usedRows) {
    }

    /** One member disk; {@code path} is null for a member that was not given at open. */
    public record MemberStatus(int group, int index, String path, MemberState state, long bytesWritten,
            long bytesRead, long errors) {
    }

    /**
     * Progress of the background rebuild or scrub.
     *
     * @param running whether a pass is under way
     * @param rowsDone rows examined in the current (or last) pass
     * @param rowsTotal rows to examine
     * @param repaired chunks rebuilt or repaired
     * @param unrepairable stripes that could not be repaired
     */
    public record RepairProgress(boolean running, long rowsDone, long rowsTotal, long repaired, long unrepairable) {

        public static final RepairProgress IDLE = new RepairProgress(false, 0, 0, 0, 0);

        /** Fraction done, 0..1. */
        public double fraction() {
            return rowsTotal == 0 ? (running ? 0 : 1) : (double) rowsDone / rowsTotal;
        }
    }
}
