package org.vtl.raid;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.vtl.raid.io.MemberState;
import org.vtl.raid.layout.StripeLayout;

/**
 * One RAID-6 group: its layout, members and row allocation. A row is {@code used} from allocation until
 * freed, and {@code busy} while a stripe write or a repair (rebuild, scrub) is working on it; a busy row is
 * never handed out again and repairs wait for it, so no two writers ever touch the same row at once.
 */
final class RaidGroup {

    final int index;
    final StripeLayout layout;
    final Member[] members;
    final long rows;
    final AtomicLong sequence;
    private final BitSet used = new BitSet();
    private final BitSet busy = new BitSet();
    private long cursor;
    private long usedRows;
    private long liveBytes;

    RaidGroup(int index, StripeLayout layout, Member[] members, long rows) {
        if (rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("group " + index + ": more than 2^31 rows; use a larger chunk size");
        }
        this.index = index;
        this.layout = layout;
        this.members = members;
        this.rows = rows;
        this.sequence = new AtomicLong(System.currentTimeMillis() << 20);
    }

    GroupState state() {
        int down = 0;
        for (Member m : members) {
            if (m.state() != MemberState.ONLINE) {
                down++;
            }
        }
        int failed = failedCount();
        if (failed > 2) {
            return GroupState.FAILED;
        }
        return down == 0 ? GroupState.ONLINE : GroupState.DEGRADED;
    }

    int failedCount() {
        int failed = 0;
        for (Member m : members) {
            if (m.state() == MemberState.FAILED) {
                failed++;
            }
        }
        return failed;
    }

    List<MemberState> states() {
        List<MemberState> states = new ArrayList<>(members.length);
        for (Member m : members) {
            states.add(m.state());
        }
        return states;
    }

    /** Next free row, next-fit from the last allocation, marked used and busy; -1 when full. */
    synchronized long allocate() {
        if (usedRows >= rows) {
            return -1;
        }
        long row = nextFree(cursor);
        if (row < 0) {
            row = nextFree(0);
        }
        if (row < 0) {
            return -1;
        }
        used.set((int) row);
        busy.set((int) row);
        usedRows++;
        cursor = row + 1;
        return row;
    }

    private long nextFree(long from) {
        int bit = (int) from;
        while (bit < rows) {
            int u = used.nextClearBit(bit);
            if (u >= rows) {
                return -1;
            }
            if (!busy.get(u)) {
                return u;
            }
            bit = u + 1;
        }
        return -1;
    }

    /** Ends a stripe write: the row stays used when the stripe is acknowledged, else it is freed. */
    synchronized void writeDone(long row, int length, boolean acknowledged) {
        busy.clear((int) row);
        if (acknowledged) {
            liveBytes += length;
        } else {
            used.clear((int) row);
            usedRows--;
        }
        notifyAll();
    }

    /** Re-declares a live extent at open; declaring the same extent twice (shared extents) is harmless. */
    synchronized void declare(Extent e) throws PoolException {
        if (e.row() >= rows || e.width() > layout.dataWidth() || e.length() > e.width() * layout.chunkSize()) {
            throw new PoolException("extent " + e + " does not fit group " + index + " (" + rows + " rows, k="
                    + layout.dataWidth() + ")");
        }
        if (!used.get((int) e.row())) {
            used.set((int) e.row());
            usedRows++;
            liveBytes += e.length();
        }
    }

    synchronized void free(Extent e) {
        if (e.row() < rows && used.get((int) e.row())) {
            used.clear((int) e.row());
            usedRows--;
            liveBytes -= e.length();
        }
    }

    /** Claims a used row for repair, waiting while a write is on it; false if the row is not in use. */
    synchronized boolean beginRepair(long row) throws InterruptedException {
        while (busy.get((int) row)) {
            wait();
        }
        if (!used.get((int) row)) {
            return false;
        }
        busy.set((int) row);
        return true;
    }

    synchronized void endRepair(long row) {
        busy.clear((int) row);
        notifyAll();
    }

    /** The first used row at or after {@code from}, or -1. */
    synchronized long nextUsedRow(long from) {
        if (from >= rows) {
            return -1;
        }
        int bit = used.nextSetBit((int) from);
        return bit < 0 || bit >= rows ? -1 : bit;
    }

    synchronized long usedRows() {
        return usedRows;
    }

    synchronized long liveBytes() {
        return liveBytes;
    }

    long freeRows() {
        return rows - usedRows();
    }

    /** Whether new stripes can go here: not failed and a row is free. */
    boolean writable() {
        return state() != GroupState.FAILED && freeRows() > 0;
    }
}
