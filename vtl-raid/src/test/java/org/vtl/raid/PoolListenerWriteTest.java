package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allocation-free write form: {@link Pool#write(StripeBuffer, int, StripeListener)}. */
class PoolListenerWriteTest {

    private static final long MEMBER = (1 << 20) + 16 * (PoolFixture.CHUNK + 4096);

    @TempDir
    Path dir;

    /** Collects outcomes: an Extent per written stripe, or the failure. */
    private static final class Outcomes implements StripeListener {
        final BlockingQueue<Object> results = new ArrayBlockingQueue<>(64);

        @Override
        public void written(int group, long row, int width, int length) {
            results.add(new Extent(group, row, width, length));
        }

        @Override
        public void failed(PoolException failure) {
            results.add(failure);
        }

        Object next() throws InterruptedException {
            Object o = results.poll(20, TimeUnit.SECONDS);
            assertTrue(o != null, "an outcome within 20 s");
            return o;
        }
    }

    @Test
    void stripesWrittenWithAListenerReportTheirExtentAndReadBack() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            Outcomes outcomes = new Outcomes();
            int[] lengths = {pool.stripeCapacity(), 5000, 1};
            for (int i = 0; i < lengths.length; i++) {
                StripeBuffer b = pool.claim();
                PoolFixture.fill(b.data(), lengths[i], 300 + i);
                pool.write(b, lengths[i], outcomes);
            }
            List<Extent> extents = new ArrayList<>();
            for (int i = 0; i < lengths.length; i++) {
                extents.add((Extent) outcomes.next());
            }
            extents.sort((a, b) -> Long.compare(a.row(), b.row()));
            for (int i = 0; i < lengths.length; i++) {
                Extent e = extents.get(i);
                assertEquals(lengths[i], e.length());
                assertEquals(i == 0 ? 4 : i == 1 ? 2 : 1, e.width());
                PoolFixture.assertContent(pool, e, 300 + i);
            }
            assertNull(outcomes.results.poll(), "one outcome per write");
        }
    }

    @Test
    void aListenerWriteToAFullPoolReportsTheFailure() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            long rows = pool.status().groups().getFirst().rows();
            for (int i = 0; i < rows; i++) {
                PoolFixture.write(pool, 100, i);
            }
            Outcomes outcomes = new Outcomes();
            pool.write(pool.claim(), 100, outcomes);
            PoolException failure = (PoolException) outcomes.next();
            assertTrue(failure.getMessage().contains("no writable group has a free row"), failure.getMessage());
        }
    }
}
