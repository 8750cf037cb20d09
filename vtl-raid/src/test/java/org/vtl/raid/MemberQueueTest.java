package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MemberQueueTest {

    private static MemberWrite write(int position) {
        MemberWrite w = new MemberWrite(null);
        w.position = position;
        return w;
    }

    @Test
    void writesAreTakenInOrderAndAFlushGoesFirst() throws Exception {
        MemberQueue queue = new MemberQueue(1);
        MemberWrite a = write(1);
        MemberWrite b = write(2);
        MemberWrite flush = write(3);
        queue.put(a);
        queue.put(b);
        queue.putFirst(flush);
        assertSame(flush, queue.take());
        assertSame(a, queue.take());
        assertSame(b, queue.take());
    }

    @Test
    void theRingGrowsWithoutLosingOrder() throws Exception {
        MemberQueue queue = new MemberQueue(1);
        List<MemberWrite> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            writes.add(write(i));
            queue.put(writes.get(i));
            if (i % 7 == 0) {
                assertSame(writes.get(i / 7), queue.take());
            }
        }
        for (int i = 15; i < 100; i++) {
            assertSame(writes.get(i), queue.take());
        }
    }

    @Test
    @Timeout(60)
    void everyWriteIsTakenExactlyOnceByParkingWriters() throws Exception {
        int writers = 4;
        int count = 50_000;
        MemberQueue queue = new MemberQueue(writers);
        AtomicIntegerArray taken = new AtomicIntegerArray(count);
        AtomicInteger done = new AtomicInteger();
        MemberWrite stop = write(-1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (MemberWrite w = queue.take(); w != stop; w = queue.take()) {
                        taken.incrementAndGet((int) w.position);
                        done.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        MemberWrite[] writes = new MemberWrite[count];
        for (int i = 0; i < count; i++) {
            writes[i] = write(i);
            queue.put(writes[i]);
            if (i % 1000 == 0) {
                Thread.sleep(1);
            }
        }
        for (int t = 0; t < writers; t++) {
            queue.put(stop);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(count, done.get());
        for (int i = 0; i < count; i++) {
            assertEquals(1, taken.get(i), "write " + i);
        }
    }
}
