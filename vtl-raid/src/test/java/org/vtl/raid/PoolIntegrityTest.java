package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.raid.layout.StripeLayout;

class PoolIntegrityTest {

    private static final long MEMBER = (1 << 20) + 32 * (PoolFixture.CHUNK + 4096);
    private static final StripeLayout LAYOUT = new StripeLayout(4, PoolFixture.CHUNK);

    @TempDir
    Path dir;

    private List<Path> paths;

    private static byte flip(Path member, long position, int bit) throws IOException {
        try (FileChannel ch = FileChannel.open(member, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            byte original = b.get(0);
            ch.write(ByteBuffer.wrap(new byte[] {(byte) (original ^ (1 << bit))}), position);
            return original;
        }
    }

    private static byte peek(Path member, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(member, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            return b.get(0);
        }
    }

    private Pool pool() throws IOException {
        paths = PoolFixture.members(dir, "m", 6);
        return Pool.create(paths, PoolFixture.options(MEMBER), null);
    }

    private Path memberOf(Extent e, int role) {
        return paths.get(LAYOUT.member(e.row(), role));
    }

    @Test
    void aFlippedBitInADataChunkIsDetectedReconstructedAndRewrittenByRead() throws Exception {
        try (Pool pool = pool()) {
            Extent e = PoolFixture.write(pool, pool.stripeCapacity(), 1);
            long position = LAYOUT.chunkOffset(e.row()) + 1234;
            byte original = flip(memberOf(e, 2), position, 5);
            PoolFixture.assertContent(pool, e, 1);
            assertEquals(original, peek(memberOf(e, 2), position), "chunk rewritten with the right byte");
            assertEquals(1, pool.status().members().get(LAYOUT.member(e.row(), 2)).errors());
        }
    }

    @Test
    void flippedBitsInTwoDataChunksOfOneStripeAreRepairedByRead() throws Exception {
        try (Pool pool = pool()) {
            Extent e = PoolFixture.write(pool, pool.stripeCapacity(), 2);
            long position = LAYOUT.chunkOffset(e.row()) + 4000;
            byte a = flip(memberOf(e, 0), position, 0);
            byte b = flip(memberOf(e, 3), position, 7);
            PoolFixture.assertContent(pool, e, 2);
            assertEquals(a, peek(memberOf(e, 0), position));
            assertEquals(b, peek(memberOf(e, 3), position));
        }
    }

    @Test
    void aFlippedBitInParityIsFoundAndRepairedByScrub() throws Exception {
        try (Pool pool = pool()) {
            Extent e = PoolFixture.write(pool, pool.stripeCapacity(), 3);
            long position = LAYOUT.chunkOffset(e.row()) + 17;
            byte p = flip(memberOf(e, 4), position, 3);
            byte q = flip(memberOf(e, 5), position, 4);
            PoolStatus.RepairProgress result = pool.scrub().get();
            assertEquals(2, result.repaired());
            assertEquals(0, result.unrepairable());
            assertEquals(1, result.rowsDone());
            assertEquals(p, peek(memberOf(e, 4), position));
            assertEquals(q, peek(memberOf(e, 5), position));
        }
    }

    @Test
    void scrubRepairsDataRotInEveryStripeAndCountsWhatItCannot() throws Exception {
        List<Extent> extents = new ArrayList<>();
        try (Pool pool = pool()) {
            for (int i = 0; i < 6; i++) {
                extents.add(PoolFixture.write(pool, pool.stripeCapacity(), 10 + i));
            }
            for (int i = 0; i < 5; i++) {
                flip(memberOf(extents.get(i), i % 4), LAYOUT.chunkOffset(extents.get(i).row()) + 99, 1);
            }
            Extent lost = extents.get(5);
            for (int role = 0; role < 3; role++) {
                flip(memberOf(lost, role), LAYOUT.chunkOffset(lost.row()) + 5, 2);
            }
            PoolStatus.RepairProgress result = pool.scrub().get();
            assertEquals(5, result.repaired());
            assertEquals(1, result.unrepairable());
            assertFalse(pool.status().scrub().running());
            for (int i = 0; i < 5; i++) {
                PoolFixture.assertContent(pool, extents.get(i), 10 + i);
            }
        }
    }

    @Test
    void aCorruptTrailerOnOneMemberIsPassedOverForAnother() throws Exception {
        try (Pool pool = pool()) {
            Extent e = PoolFixture.write(pool, 3000, 4);
            flip(memberOf(e, 0), LAYOUT.trailerOffset(e.row()) + 40, 0);
            PoolFixture.assertContent(pool, e, 4);
        }
    }

    @Test
    void readRepairIsCountedInTheMeters() throws Exception {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        paths = PoolFixture.members(dir, "r", 6);
        try (Pool pool = Pool.create(paths, PoolFixture.options(MEMBER), registry)) {
            Extent e = PoolFixture.write(pool, pool.stripeCapacity(), 5);
            flip(memberOf(e, 1), LAYOUT.chunkOffset(e.row()) + 10, 6);
            PoolFixture.assertContent(pool, e, 5);
            assertEquals(1.0, registry.get("vtl.raid.read.corrupt.chunks").functionCounter().count());
            assertEquals(1.0, registry.get("vtl.raid.read.reconstructed.chunks").functionCounter().count());
            assertEquals(1.0, registry.get("vtl.raid.read.repaired.chunks").functionCounter().count());
            int member = LAYOUT.member(e.row(), 1);
            assertEquals(1.0, registry.get("vtl.raid.member.errors").tag("member", Integer.toString(member))
                    .functionCounter().count());
        }
    }
}
