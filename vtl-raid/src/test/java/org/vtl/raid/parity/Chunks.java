package org.vtl.raid.parity;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

/** Test fixture: off-heap chunks filled from a fixed seed. */
final class Chunks {

    private Chunks() {
    }

    static MemorySegment[] random(Arena arena, int count, long length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MemorySegment[] chunks = new MemorySegment[count];
        for (int i = 0; i < count; i++) {
            chunks[i] = arena.allocate(Math.max(1, length), 64);
            for (long off = 0; off < length; off++) {
                chunks[i].set(ValueLayout.JAVA_BYTE, off, (byte) random.nextInt());
            }
        }
        return chunks;
    }

    static MemorySegment filled(Arena arena, long length, int value) {
        MemorySegment s = arena.allocate(Math.max(1, length), 64);
        s.fill((byte) value);
        return s;
    }

    static boolean equal(MemorySegment a, MemorySegment b, long length) {
        return MemorySegment.mismatch(a, 0, length, b, 0, length) < 0;
    }
}
