package org.vtl.raid.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PqRecoveryTest {

    static List<PqSyndrome> kernels() {
        return List.of(PqSyndrome.reference(), PqSyndrome.swar(), PqSyndrome.vector(), VectorPqSyndrome.SHIFT_ADD);
    }

    /** Like Linux lib/raid6/test/test.c: every failure pair, erased buffers poisoned first. */
    @ParameterizedTest
    @MethodSource("kernels")
    void everyPairOfErasuresIncludingPAndQIsRecoveredByteExact(PqSyndrome kernel) {
        int[] widths = {2, 3, 4, 6, 8, 10, 22};
        for (int k : widths) {
            for (long length : new long[] {1, 67, 1000}) {
                for (int x = -1; x < k + 2; x++) {
                    for (int y = x + 1; y < k + 2; y++) {
                        String name = kernel.name() + " k=" + k + " length=" + length + " erased=" + x + "," + y;
                        assertTrue(recoversExactly(kernel, k, length, x, y, 7L * k + x * 31L + y), name);
                    }
                }
            }
        }
    }

    @Property(tries = 200)
    void anyTwoOrFewerErasuresReconstructByteExact(@ForAll @IntRange(min = 2, max = 22) int k,
            @ForAll @LongRange(min = 1, max = 3000) long length, @ForAll @IntRange(min = -1, max = 23) int first,
            @ForAll @IntRange(min = -1, max = 23) int second, @ForAll long seed) {
        int x = Math.min(first, k + 1);
        int y = Math.min(second, k + 1);
        if (x == y) {
            y = -1;
        }
        assertTrue(recoversExactly(PqSyndrome.fastest(), k, length, x, y, seed),
                "k=" + k + " length=" + length + " erased=" + x + "," + y + " seed=" + seed);
    }

    private static boolean recoversExactly(PqSyndrome kernel, int k, long length, int x, int y, long seed) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] chunks = Chunks.random(arena, k + 2, length, seed);
            PqSyndrome.reference().generate(chunks, k, chunks[k], chunks[k + 1], length);
            MemorySegment[] original = new MemorySegment[k + 2];
            for (int i = 0; i < k + 2; i++) {
                original[i] = arena.allocate(length);
                original[i].copyFrom(chunks[i].asSlice(0, length));
            }
            if (x >= 0) {
                chunks[x].fill((byte) 0xA5);
            }
            if (y >= 0) {
                chunks[y].fill((byte) 0x5A);
            }
            new PqRecovery(kernel, length).recover(chunks, k, x, y, length);
            for (int i = 0; i < k + 2; i++) {
                if (!Chunks.equal(original[i], chunks[i], length)) {
                    return false;
                }
            }
            return true;
        }
    }
}
