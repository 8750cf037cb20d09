package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vtl.raid.io.IoMode;

/** Test fixture: member paths in a temp dir, deterministic stripe contents, byte-exact read-back. */
final class PoolFixture {

    static final int CHUNK = 4096;

    private PoolFixture() {
    }

    static PoolOptions options(long memberSize) {
        return PoolOptions.defaults().withChunkSize(CHUNK).withMemberSize(memberSize).withIoMode(IoMode.BUFFERED);
    }

    static List<Path> members(Path dir, String prefix, int count) {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            paths.add(dir.resolve(prefix + i + ".img"));
        }
        return paths;
    }

    /** The bytes of stripe number {@code seed}: a pure function so a later process can check them. */
    static void fill(ByteBuffer data, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        data.clear();
        for (int i = 0; i < length; i++) {
            data.put(i, (byte) random.nextInt());
        }
    }

    static Extent write(Pool pool, int length, long seed) throws Exception {
        StripeBuffer b = pool.claim();
        fill(b.data(), length, seed);
        return pool.write(b, length).get();
    }

    /** Reads the whole extent and asserts every byte equals what {@link #fill} produced for the seed. */
    static void assertContent(Pool pool, Extent e, long seed) throws IOException {
        ByteBuffer dst = ByteBuffer.allocateDirect(e.length());
        assertEquals(e.length(), pool.read(e, 0, dst), "bytes read of " + e);
        ByteBuffer expected = ByteBuffer.allocateDirect(e.length());
        fill(expected, e.length(), seed);
        dst.flip();
        int mismatch = dst.mismatch(expected.clear());
        assertEquals(-1, mismatch, "first differing byte of " + e + " (seed " + seed + ")");
    }
}
