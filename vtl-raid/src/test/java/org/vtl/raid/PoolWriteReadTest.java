package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.raid.io.IoMode;

class PoolWriteReadTest {

    private static final long MEMBER = (1 << 20) + 64 * (PoolFixture.CHUNK + 4096);

    @TempDir
    Path dir;

    @Test
    void fullStripeReadsBackByteExact() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            Extent e = PoolFixture.write(pool, pool.stripeCapacity(), 1);
            assertEquals(4, e.width());
            assertEquals(4 * PoolFixture.CHUNK, e.length());
            PoolFixture.assertContent(pool, e, 1);
        }
    }

    @Test
    void shortWriteAtASyncPointBecomesANarrowStripe() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            Extent one = PoolFixture.write(pool, 100, 2);
            Extent two = PoolFixture.write(pool, PoolFixture.CHUNK + 1, 3);
            assertEquals(1, one.width());
            assertEquals(2, two.width());
            PoolFixture.assertContent(pool, one, 2);
            PoolFixture.assertContent(pool, two, 3);
        }
    }

    @Test
    void anyByteRangeOfAnExtentReadsBack() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            int length = pool.stripeCapacity() - 17;
            Extent e = PoolFixture.write(pool, length, 4);
            ByteBuffer expected = ByteBuffer.allocateDirect(length);
            PoolFixture.fill(expected, length, 4);
            Random random = new Random(5);
            for (int i = 0; i < 200; i++) {
                int offset = random.nextInt(length);
                int size = 1 + random.nextInt(Math.min(length - offset, 3 * PoolFixture.CHUNK));
                ByteBuffer dst = ByteBuffer.allocate(size);
                assertEquals(size, pool.read(e, offset, dst));
                assertEquals(-1, dst.flip().mismatch(expected.slice(offset, size)),
                        "offset " + offset + " size " + size);
            }
        }
    }

    @Test
    void readIsClippedAtTheExtentEnd() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            Extent e = PoolFixture.write(pool, 5000, 6);
            assertEquals(8, pool.read(e, 4992, ByteBuffer.allocate(100)));
            assertEquals(0, pool.read(e, 5000, ByteBuffer.allocate(100)));
        }
    }

    @Test
    void reopenedWithMembersInAnyOrderReadsDeclaredExtents() throws Exception {
        List<Path> paths = PoolFixture.members(dir, "m", 6);
        List<Extent> extents = new ArrayList<>();
        try (Pool pool = Pool.create(paths, PoolFixture.options(MEMBER), null)) {
            for (int i = 0; i < 10; i++) {
                extents.add(PoolFixture.write(pool, 1 + i * 1601, 100 + i));
            }
            pool.sync();
        }
        List<Path> shuffled = new ArrayList<>(paths);
        Collections.shuffle(shuffled, new Random(7));
        try (Pool pool = Pool.open(shuffled, PoolFixture.options(0), null, extents)) {
            for (int i = 0; i < extents.size(); i++) {
                PoolFixture.assertContent(pool, extents.get(i), 100 + i);
            }
            assertEquals(10, pool.status().groups().getFirst().usedRows());
        }
    }

    @Test
    void usedAndFreeSpaceFollowWritesAndFrees() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            PoolStatus empty = pool.status();
            assertEquals(64L * pool.stripeCapacity(), empty.capacityBytes());
            assertEquals(0, empty.usedBytes());
            Extent a = PoolFixture.write(pool, 10, 1);
            Extent b = PoolFixture.write(pool, pool.stripeCapacity(), 2);
            assertEquals(2L * pool.stripeCapacity(), pool.status().usedBytes());
            assertEquals(10L + pool.stripeCapacity(), pool.status().liveBytes());
            pool.free(a);
            assertEquals(pool.stripeCapacity(), pool.status().usedBytes());
            assertEquals(empty.capacityBytes() - pool.stripeCapacity(), pool.status().freeBytes());
            PoolFixture.assertContent(pool, b, 2);
        }
    }

    @Test
    void aFullPoolFailsTheWriteAndFreeingMakesRoom() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            Extent first = null;
            for (int i = 0; i < 64; i++) {
                Extent e = PoolFixture.write(pool, 1000, i);
                first = first == null ? e : first;
            }
            StripeBuffer b = pool.claim();
            CompletableFuture<Extent> refused = pool.write(b, 1000);
            ExecutionException e = assertThrows(ExecutionException.class, refused::get);
            assertTrue(e.getCause().getMessage().contains("no writable group has a free row"), e.getMessage());
            pool.free(first);
            Extent again = PoolFixture.write(pool, 1000, 99);
            assertEquals(first.row(), again.row());
            PoolFixture.assertContent(pool, again, 99);
        }
    }

    @Test
    void concurrentWritesFromManyThreadsAllReadBack() throws Exception {
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 6), PoolFixture.options(MEMBER), null)) {
            List<CompletableFuture<Extent>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                StripeBuffer b = pool.claim();
                int length = 1 + (i * 997) % pool.stripeCapacity();
                PoolFixture.fill(b.data(), length, 1000 + i);
                futures.add(pool.write(b, length));
            }
            for (int i = 0; i < futures.size(); i++) {
                PoolFixture.assertContent(pool, futures.get(i).get(), 1000 + i);
            }
        }
    }

    @Test
    void directIoMembersWriteAndReadBack() throws Exception {
        PoolOptions direct = PoolFixture.options(MEMBER).withIoMode(IoMode.DIRECT);
        List<Path> paths = PoolFixture.members(dir, "d", 5);
        List<Extent> extents = new ArrayList<>();
        try (Pool pool = Pool.create(paths, direct, null)) {
            extents.add(PoolFixture.write(pool, pool.stripeCapacity(), 1));
            extents.add(PoolFixture.write(pool, 777, 2));
            pool.sync();
        }
        try (Pool pool = Pool.open(paths, direct, null, extents)) {
            PoolFixture.assertContent(pool, extents.get(0), 1);
            PoolFixture.assertContent(pool, extents.get(1), 2);
        }
    }

    @Test
    void metersReportMemberStateAndBytes() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Pool pool = Pool.create(PoolFixture.members(dir, "m", 4), PoolFixture.options(MEMBER), registry)) {
            PoolFixture.write(pool, pool.stripeCapacity(), 1);
            assertEquals(0.0,
                    registry.get("vtl.raid.member.state").tag("group", "0").tag("member", "3").gauge().value());
            double written = registry.get("vtl.raid.member.written.bytes").tag("member", "0").functionCounter().count();
            assertEquals(PoolFixture.CHUNK + 4096, written);
            assertEquals(64.0 * pool.stripeCapacity(), registry.get("vtl.raid.pool.capacity.bytes").gauge().value());
            assertEquals(pool.stripeCapacity(), registry.get("vtl.raid.parity.bytes").functionCounter().count());
        }
        assertTrue(registry.find("vtl.raid.member.state").gauges().isEmpty(), "meters removed at close");
    }
}
