package org.vtl.iscsi.transfer;

import io.netty.buffer.ByteBuf;
import org.vtl.scsi.Payload;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one write command's data (RFC 7143 4.3.4.1 immediate, unsolicited and solicited data) into a
 * {@link Payload} without copying: immediate data, unsolicited Data-Out up to the first burst, then the
 * bursts it solicits with R2Ts ({@link R2tScheduler}). Keeps the retained slices sorted by buffer offset and
 * refuses data outside the expected length or overlapping data already received. Event loop only.
 */
public final class DataOutCollector {

    /** What a Data-Out PDU did to the transfer. */
    public enum Outcome { ACCEPTED, BURST_DONE, COMPLETE, BAD_OFFSET, UNKNOWN_TRANSFER_TAG }

    /** One R2T in flight: what was asked and how much of it arrived. */
    record Solicitation(int targetTransferTag, int offset, int length, int[] received) {
    }

    private final int expected;
    private final int unsolicitedEnd;
    private final MemoryBudget budget;
    private final List<ByteBuf> parts = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();
    private final List<Solicitation> outstanding = new ArrayList<>(2);
    private int received;
    private int nextOffset;
    private int r2tSn;
    private boolean discarded;

    /**
     * @param expected       Expected Data Transfer Length
     * @param unsolicitedEnd end of the immediate + unsolicited region; R2Ts solicit from there
     */
    public DataOutCollector(int expected, int unsolicitedEnd, MemoryBudget budget) {
        this.expected = expected;
        this.unsolicitedEnd = unsolicitedEnd;
        this.nextOffset = unsolicitedEnd;
        this.budget = budget;
    }

    public int expected() {
        return expected;
    }

    public int received() {
        return received;
    }

    public boolean complete() {
        return received == expected;
    }

    /** Takes immediate data (offset 0); ownership of {@code data} passes here. */
    public boolean addImmediate(ByteBuf data) {
        if (data.readableBytes() > unsolicitedEnd) {
            data.release();
            return false;
        }
        return insert(0, data);
    }

    /**
     * Takes one Data-Out PDU's data; ownership of {@code data} passes here whatever the outcome.
     *
     * @param targetTransferTag 0xffffffff for unsolicited data, else the R2T's tag
     */
    public Outcome add(int targetTransferTag, long offset, ByteBuf data) {
        int length = data.readableBytes();
        if (targetTransferTag == org.vtl.iscsi.pdu.BhsDescriptor.RESERVED_TAG) {
            if (offset + length > unsolicitedEnd) {
                data.release();
                return Outcome.BAD_OFFSET;
            }
            if (!insert((int) offset, data)) {
                return Outcome.BAD_OFFSET;
            }
            return complete() ? Outcome.COMPLETE : Outcome.ACCEPTED;
        }
        Solicitation s = find(targetTransferTag);
        if (s == null) {
            data.release();
            return Outcome.UNKNOWN_TRANSFER_TAG;
        }
        if (offset < s.offset() || offset + length > (long) s.offset() + s.length()) {
            data.release();
            return Outcome.BAD_OFFSET;
        }
        if (!insert((int) offset, data)) {
            return Outcome.BAD_OFFSET;
        }
        budget.unreserve(length);
        s.received()[0] += length;
        if (s.received()[0] < s.length()) {
            return Outcome.ACCEPTED;
        }
        outstanding.remove(s);
        return complete() ? Outcome.COMPLETE : Outcome.BURST_DONE;
    }

    private Solicitation find(int ttt) {
        for (Solicitation s : outstanding) {
            if (s.targetTransferTag() == ttt) {
                return s;
            }
        }
        return null;
    }

    /** Inserts by offset; refuses (and releases) data outside the transfer or overlapping received data. */
    private boolean insert(int offset, ByteBuf data) {
        int length = data.readableBytes();
        if (offset < 0 || (long) offset + length > expected || length == 0) {
            data.release();
            return length == 0 && offset >= 0 && offset <= expected;
        }
        int at = starts.size();
        while (at > 0 && starts.get(at - 1) > offset) {
            at--;
        }
        if (at > 0 && starts.get(at - 1) + parts.get(at - 1).readableBytes() > offset
                || at < starts.size() && offset + length > starts.get(at)) {
            data.release();
            return false;
        }
        parts.add(at, data);
        starts.add(at, offset);
        received += length;
        budget.hold(length);
        return true;
    }

    /** Bytes still to solicit with R2Ts. */
    int unsolicited() {
        return expected - nextOffset;
    }

    int outstandingR2ts() {
        return outstanding.size();
    }

    int nextOffset() {
        return nextOffset;
    }

    /** Records an R2T about to be sent for {@code length} bytes at the next offset; returns its R2TSN. */
    int solicit(int targetTransferTag, int length) {
        outstanding.add(new Solicitation(targetTransferTag, nextOffset, length, new int[1]));
        nextOffset += length;
        return r2tSn++;
    }

    /** Hands the collected bytes over; the collector is empty afterwards. */
    public Payload payload() {
        if (received != expected) {
            throw new IllegalStateException("transfer incomplete: " + received + " of " + expected);
        }
        Payload p = new NettyPayload(new ArrayList<>(parts), received, budget);
        parts.clear();
        starts.clear();
        return p;
    }

    /** Drops everything collected and any reservations for outstanding R2Ts (abort, failure, close). */
    public void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        int held = 0;
        for (ByteBuf b : parts) {
            held += b.readableBytes();
            b.release();
        }
        parts.clear();
        starts.clear();
        for (Solicitation s : outstanding) {
            budget.unreserve(s.length() - s.received()[0]);
        }
        outstanding.clear();
        if (held > 0) {
            budget.release(held);
        }
    }

    public boolean discarded() {
        return discarded;
    }
}
