package org.vtl.iscsi.transfer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.vtl.scsi.Payload;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Collecting Data-Out into a Payload (RFC 7143 4.3.4.1) and pacing R2Ts by memory. */
class DataOutCollectorTest {

    private static final int RESERVED = 0xffffffff;

    private static ByteBuf bytes(int from, int n) {
        ByteBuf b = Unpooled.directBuffer(n);
        for (int i = 0; i < n; i++) {
            b.writeByte(from + i);
        }
        return b;
    }

    @Test
    void collectsOutOfOrderUnsolicitedDataIntoOnePayloadInOffsetOrder() {
        MemoryBudget budget = new MemoryBudget(1 << 20);
        DataOutCollector c = new DataOutCollector(30, 30, budget);
        assertEquals(DataOutCollector.Outcome.ACCEPTED, c.add(RESERVED, 10, bytes(10, 10)));
        assertTrue(c.addImmediate(bytes(0, 10)));
        assertEquals(DataOutCollector.Outcome.COMPLETE, c.add(RESERVED, 20, bytes(20, 10)));
        assertEquals(30, budget.held());
        Payload p = c.payload();
        byte[] want = new byte[30];
        for (int i = 0; i < 30; i++) {
            want[i] = (byte) i;
        }
        assertArrayEquals(want, p.toByteArray());
        for (var b : p.buffers()) {
            assertTrue(b.isDirect());
        }
        p.release();
        assertEquals(0, budget.held());
    }

    @Test
    void overlappingOrOutOfRangeDataIsRefusedAndReleased() {
        MemoryBudget budget = new MemoryBudget(1 << 20);
        DataOutCollector c = new DataOutCollector(20, 20, budget);
        c.add(RESERVED, 0, bytes(0, 10));
        ByteBuf overlap = bytes(5, 10);
        assertEquals(DataOutCollector.Outcome.BAD_OFFSET, c.add(RESERVED, 5, overlap));
        assertEquals(0, overlap.refCnt());
        ByteBuf beyond = bytes(15, 10);
        assertEquals(DataOutCollector.Outcome.BAD_OFFSET, c.add(RESERVED, 15, beyond));
        assertEquals(0, beyond.refCnt());
        c.discard();
        assertEquals(0, budget.held());
    }

    @Test
    void r2tsAreIssuedInBurstsUpToMaxOutstandingAndWaitForMemory() {
        MemoryBudget budget = new MemoryBudget(100);
        List<int[]> sent = new ArrayList<>();
        R2tScheduler s = new R2tScheduler(budget, 40, 2, (task, ttt, sn, offset, length) ->
                sent.add(new int[]{ttt, sn, offset, length}));
        DataOutCollector a = new DataOutCollector(80, 0, budget);
        s.solicit("a", a);
        assertEquals(2, sent.size(), "two bursts, MaxOutstandingR2T 2");
        assertArrayEquals(new int[]{1, 0, 0, 40}, sent.get(0));
        assertArrayEquals(new int[]{2, 1, 40, 40}, sent.get(1));
        assertEquals(80, budget.reserved());
        DataOutCollector b = new DataOutCollector(40, 0, budget);
        s.solicit("b", b);
        assertEquals(2, sent.size(), "80 reserved + 40 would exceed 100: b waits");
        assertEquals(1, s.waitingTasks());
        assertEquals(DataOutCollector.Outcome.BURST_DONE, a.add(1, 0, bytes(0, 40)));
        assertEquals(DataOutCollector.Outcome.COMPLETE, a.add(2, 40, bytes(40, 40)));
        assertEquals(80, budget.held());
        s.memoryReleased();
        assertEquals(2, sent.size(), "the 80 bytes are still held by the logical unit");
        a.payload().release();
        s.memoryReleased();
        assertEquals(3, sent.size());
        assertArrayEquals(new int[]{3, 0, 0, 40}, sent.get(2));
        assertEquals(0, s.waitingTasks());
        b.discard();
        assertEquals(0, budget.reserved());
    }
}
