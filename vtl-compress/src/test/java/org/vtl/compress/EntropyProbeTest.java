package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.vtl.compress.TestBlocks.Kind;

class EntropyProbeTest {

    private final EntropyProbe probe = new EntropyProbe();

    @Test
    void constantBytesHaveNoEntropy() {
        assertEquals(0.0, probe.bitsPerByte(TestBlocks.direct(Kind.ZEROS, 65_536, 1), 0, 65_536, 2, 1024), 1e-12);
    }

    @Test
    void twoEquallyFrequentBytesCarryOneBit() {
        ByteBuffer block = ByteBuffer.allocateDirect(4096);
        for (int i = 0; i < 4096; i++) {
            block.put(i, (byte) (i % 2 == 0 ? 'a' : 'b'));
        }
        assertEquals(1.0, probe.bitsPerByte(block, 0, 4096, 4, 1024), 1e-12);
    }

    @Test
    void randomSlicesAreAboveTheDefaultLimit() {
        double bits = probe.bitsPerByte(TestBlocks.direct(Kind.RANDOM, 65_536, 1), 0, 65_536, 2, 1024);
        assertTrue(bits > PassThroughPolicy.DEFAULT.maxBitsPerByte(), "random: " + bits);
    }

    @Test
    void textSlicesAreWellBelowTheDefaultLimit() {
        double bits = probe.bitsPerByte(TestBlocks.direct(Kind.TEXT, 262_144, 1), 0, 262_144, 8, 1024);
        assertTrue(bits < 6.0, "text: " + bits);
    }

    @Test
    void slicesCoverFirstAndLastBytesOfTheRegion() {
        ByteBuffer block = TestBlocks.direct(Kind.ZEROS, 10_000, 1);
        block.put(1000, (byte) 1);
        block.put(1000 + 8000 - 1, (byte) 2);
        // Two 1000-byte slices over [1000, 9000): one symbol each of 1 and 2 among 2000 bytes.
        double expected = -(1998 / 2000.0 * Math.log(1998 / 2000.0) + 2 * (1 / 2000.0) * Math.log(1 / 2000.0))
                / Math.log(2);
        assertEquals(expected, probe.bitsPerByte(block, 1000, 8000, 2, 1000), 1e-9);
    }

    @Test
    void piecesGiveTheEntropyOfTheContiguousBlock() {
        ByteBuffer block = TestBlocks.direct(Kind.MIXED, 100_000, 4);
        ByteBuffer[] pieces = BlockPiecesTest.cut(block, new java.util.SplittableRandom(4), 3_000);
        assertEquals(probe.bitsPerByte(block, 0, 100_000, 7, 1_000), probe.bitsPerByte(pieces, 100_000, 7, 1_000),
                1e-12);
    }

    @Test
    void oneBytePiecesGiveTheEntropyOfTheContiguousBlock() {
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 4_096, 5);
        ByteBuffer[] pieces = BlockPiecesTest.cut(block, null, 1);
        assertEquals(probe.bitsPerByte(block, 0, 4_096, 4, 512), probe.bitsPerByte(pieces, 4_096, 4, 512), 1e-12);
    }
}
