package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vtl.raid.io.StripeTrailerDescriptor;
import org.vtl.raid.layout.StripeLayout;

/** Scrub against faults that every CRC vouches for: stale parity, and trailers that disagree. */
class PoolScrubTest {

    private static final int K = 4;
    private static final long MEMBER = (1 << 20) + 32 * (PoolFixture.CHUNK + 4096);
    private static final StripeLayout LAYOUT = new StripeLayout(K, PoolFixture.CHUNK);

    @TempDir
    Path dir;

    private List<Path> paths;

    private Pool pool() throws IOException {
        paths = PoolFixture.members(dir, "m", K + 2);
        return Pool.create(paths, PoolFixture.options(MEMBER), null);
    }

    private Path memberOf(Extent e, int role) {
        return paths.get(LAYOUT.member(e.row(), role));
    }

    private static ByteBuffer readAt(Path member, long position, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(member, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            ch.read(b, position);
            return b.flip();
        }
    }

    private static void writeAt(Path member, long position, ByteBuffer src) throws IOException {
        try (FileChannel ch = FileChannel.open(member, StandardOpenOption.WRITE)) {
            ch.write(src.clear(), position);
        }
    }

    /**
     * Replaces the chunk of {@code role} with other bytes and re-seals every member's trailer with their
     * CRC, as a parity chunk left over from an older write with a valid trailer would look: no CRC fails.
     */
    private void makeStale(Extent e, int role) throws IOException {
        ByteBuffer junk = ByteBuffer.allocate(PoolFixture.CHUNK);
        new SplittableRandom(99).ints(PoolFixture.CHUNK).forEach(v -> junk.put((byte) v));
        writeAt(memberOf(e, role), LAYOUT.chunkOffset(e.row()), junk);
        CRC32C crc = new CRC32C();
        crc.update(junk.clear());
        for (int r = 0; r < e.width() + 2; r++) {
            ByteBuffer t = readAt(memberOf(e, r), LAYOUT.trailerOffset(e.row()), StripeTrailerDescriptor.SIZE);
            StripeTrailerDescriptor.chunkCrc(t, role, (int) crc.getValue());
            StripeTrailerDescriptor.seal(t, StripeTrailerDescriptor.role(t), new CRC32C());
            writeAt(memberOf(e, r), LAYOUT.trailerOffset(e.row()), t);
        }
    }

    /** Removes {@code roles}' members from the path list, so a reopened pool runs without them. */
    private List<Path> without(Extent e, int... roles) {
        List<Path> kept = new ArrayList<>(paths);
        for (int role : roles) {
            kept.remove(memberOf(e, role));
        }
        return kept;
    }

    @ParameterizedTest(name = "role {0}")
    @ValueSource(ints = {K, K + 1})
    void scrubRewritesAStaleParityChunkThatEveryTrailerVouchesFor(int parityRole) throws Exception {
        Extent e;
        try (Pool pool = pool()) {
            e = PoolFixture.write(pool, pool.stripeCapacity(), 7);
            makeStale(e, parityRole);
            PoolStatus.RepairProgress result = pool.scrub().get();
            assertEquals(1, result.repaired(), "the stale parity chunk is counted as repaired");
            assertEquals(0, result.unrepairable());
        }
        // Two data chunks gone: only a correct P and Q give the data back.
        try (Pool degraded = Pool.open(without(e, 0, 2), PoolFixture.options(MEMBER), null, List.of(e))) {
            PoolFixture.assertContent(degraded, e, 7);
        }
    }

    @Test
    void scrubRewritesStaleParityOfANarrowStripe() throws Exception {
        Extent e;
        try (Pool pool = pool()) {
            e = PoolFixture.write(pool, PoolFixture.CHUNK + 100, 8);
            assertEquals(2, e.width());
            makeStale(e, e.width());
            makeStale(e, e.width() + 1);
            assertEquals(2, pool.scrub().get().repaired(), "P and Q both rewritten");
        }
        try (Pool degraded = Pool.open(without(e, 0, 1), PoolFixture.options(MEMBER), null, List.of(e))) {
            PoolFixture.assertContent(degraded, e, 8);
        }
    }

    /**
     * The state a crash leaves between the two steps of a parity rewrite: every other member already has the
     * new descriptor (right P CRC, higher sequence) while P's member still has the stale chunk and trailer.
     */
    @Test
    void aParityRewriteInterruptedAfterTheTrailersIsFinishedByTheNextScrub() throws Exception {
        Extent e;
        try (Pool pool = pool()) {
            e = PoolFixture.write(pool, pool.stripeCapacity(), 11);
            List<ByteBuffer> original = new ArrayList<>();
            for (int r = 0; r < K + 2; r++) {
                original.add(readAt(memberOf(e, r), LAYOUT.trailerOffset(e.row()), StripeTrailerDescriptor.SIZE));
            }
            makeStale(e, K);
            for (int r = 0; r < K + 2; r++) {
                if (r != K) {
                    ByteBuffer t = original.get(r);
                    StripeTrailerDescriptor.sequence(t, StripeTrailerDescriptor.sequence(t) + 1);
                    StripeTrailerDescriptor.seal(t, r, new CRC32C());
                    writeAt(memberOf(e, r), LAYOUT.trailerOffset(e.row()), t);
                }
            }
            PoolStatus.RepairProgress result = pool.scrub().get();
            assertEquals(2, result.repaired(), "P rebuilt as a corrupt chunk, and its member's old trailer");
            assertEquals(0, result.unrepairable());
        }
        try (Pool degraded = Pool.open(without(e, 1, 3), PoolFixture.options(MEMBER), null, List.of(e))) {
            PoolFixture.assertContent(degraded, e, 11);
        }
    }

    @Test
    void aSecondScrubAfterARepairFindsNothing() throws Exception {
        try (Pool pool = pool()) {
            Extent e = PoolFixture.write(pool, pool.stripeCapacity(), 9);
            makeStale(e, K);
            assertEquals(1, pool.scrub().get().repaired());
            PoolStatus.RepairProgress again = pool.scrub().get();
            assertEquals(0, again.repaired());
            assertEquals(0, again.unrepairable());
        }
    }

    @Test
    void scrubOfHealthyStripesOfEveryWidthParityRepairsNothing() throws Exception {
        try (Pool pool = pool()) {
            int[] lengths = {pool.stripeCapacity(), 3 * PoolFixture.CHUNK, 5000, 100};
            for (int i = 0; i < lengths.length; i++) {
                PoolFixture.write(pool, lengths[i], 20 + i);
            }
            PoolStatus.RepairProgress result = pool.scrub().get();
            assertEquals(lengths.length, result.rowsDone());
            assertEquals(0, result.repaired());
            assertEquals(0, result.unrepairable());
        }
    }

    @Test
    void scrubRewritesACorruptTrailer() throws Exception {
        try (Pool pool = pool()) {
            Extent e = PoolFixture.write(pool, pool.stripeCapacity(), 10);
            long at = LAYOUT.trailerOffset(e.row());
            ByteBuffer t = readAt(memberOf(e, 1), at, StripeTrailerDescriptor.SIZE);
            t.put(200, (byte) (t.get(200) ^ 0x10));
            writeAt(memberOf(e, 1), at, t);
            assertEquals(1, pool.scrub().get().repaired());
            ByteBuffer fixed = readAt(memberOf(e, 1), at, StripeTrailerDescriptor.SIZE);
            assertTrue(StripeTrailerDescriptor.valid(fixed, new CRC32C()), "trailer valid again");
            assertEquals(1, StripeTrailerDescriptor.role(fixed));
        }
    }
}
