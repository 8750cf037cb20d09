package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vtl.compress.TestBlocks.Kind;
import org.vtl.compress.frame.BlockFrameDescriptor;

/** When blocks are stored raw: the saving margin, the probe (early abort) and the codec none. */
class PassThroughTest {

    private static final int BLOCK = 128 * 1024;

    @Test
    void blockSavingLessThanMarginIsStoredRaw() throws Exception {
        ByteBuffer block = almostRandom(BLOCK, 0.02);
        assertTrue(rawWith(new PassThroughPolicy(30, 1024, 0), block),
                "2 % saving is under the 3 % margin");
    }

    @Test
    void blockSavingMoreThanMarginIsStoredCompressed() throws Exception {
        ByteBuffer block = almostRandom(BLOCK, 0.02);
        assertTrue(!rawWith(new PassThroughPolicy(5, 1024, 0), block),
                "2 % saving is over a 0.5 % margin");
    }

    @Test
    void probeStoresRandomBlockRawWithoutCompressingIt() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.RANDOM, BLOCK, 3);
        assertTrue(rawWith(PassThroughPolicy.DEFAULT, block));
    }

    @Test
    void probeJudgesByItsSlicesSoRedundancyBetweenThemIsMissed() throws Exception {
        // Random everywhere the four probe slices look (start, 1/3, 2/3, end), zeros elsewhere.
        assertEquals(4, PassThroughPolicy.DEFAULT.sampleCount(BLOCK));
        ByteBuffer block = TestBlocks.direct(Kind.ZEROS, BLOCK, 3);
        SplittableRandom random = new SplittableRandom(5);
        int slice = PassThroughPolicy.DEFAULT.sampleLength();
        int stride = (BLOCK - slice) / 3;
        for (int i = 0; i < 4; i++) {
            TestBlocks.fillRandom(block, i * stride, slice, random);
        }
        assertTrue(rawWith(PassThroughPolicy.DEFAULT, block), "probe sees only random slices");
        assertTrue(!rawWith(PassThroughPolicy.NO_SAMPLING, block), "whole block compresses well");
    }

    @Test
    void probeDecidesFromHalfItsSlicesWhenTheyAreClearlyRandom() throws Exception {
        // 256 KiB: eight slices in all, the first four (start, 1/3, 2/3, end) random, zeros everywhere else.
        int block = 256 * 1024;
        assertEquals(8, PassThroughPolicy.DEFAULT.sampleCount(block));
        ByteBuffer data = TestBlocks.direct(Kind.ZEROS, block, 1);
        int slice = PassThroughPolicy.DEFAULT.sampleLength();
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 4; i++) {
            TestBlocks.fillRandom(data, i * ((block - slice) / 3), slice, random);
        }
        EntropyProbe probe = new EntropyProbe();
        assertTrue(probe.bitsPerByte(data, 0, block, 8, slice) < 4.0, "all eight slices: mostly zeros");
        assertTrue(rawWith(PassThroughPolicy.DEFAULT, data), "the four early slices decided alone");
    }

    @Test
    void probeLetsCompressibleBlockThrough() throws Exception {
        assertTrue(!rawWith(PassThroughPolicy.DEFAULT, TestBlocks.direct(Kind.MIXED, BLOCK, 3)));
    }

    @Test
    void probedBlockThatFailsTheMarginAfterAllIsStoredRaw() throws Exception {
        // Compressible where the probe looks, random elsewhere: the probe passes, the whole block misses the margin.
        ByteBuffer block = TestBlocks.direct(Kind.RANDOM, BLOCK, 8);
        int slice = PassThroughPolicy.DEFAULT.sampleLength();
        int stride = (BLOCK - slice) / 3;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < slice; j++) {
                block.put(i * stride + j, (byte) 0);
            }
        }
        PassThroughPolicy strict = new PassThroughPolicy(200, slice, 32 * 1024);
        assertTrue(rawWith(strict, block), "3 % saving misses a 20 % margin");
        ByteBuffer restored = ByteBuffer.allocateDirect(BLOCK);
        try (BlockCompressor compressor = new BlockCompressor(strict, BLOCK)) {
            ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(BLOCK));
            int length = compressor.compress(Codec.ZSTD, 1, block, frame);
            compressor.decompress(frame.slice(0, length), restored);
        }
        assertTrue(TestBlocks.sameBytes(block, 0, restored, 0, BLOCK));
    }

    @Test
    void probeTakesOneSlicePerSpacingFromFourUpToSixteen() {
        PassThroughPolicy policy = PassThroughPolicy.DEFAULT;
        assertEquals(0, policy.sampleCount(64 * 1024 - 1));
        assertEquals(4, policy.sampleCount(64 * 1024));
        assertEquals(4, policy.sampleCount(128 * 1024));
        assertEquals(5, policy.sampleCount(160 * 1024));
        assertEquals(8, policy.sampleCount(256 * 1024));
        assertEquals(16, policy.sampleCount(8 * 1024 * 1024));
        assertEquals(0, PassThroughPolicy.NO_SAMPLING.sampleCount(8 * 1024 * 1024));
    }

    @Test
    void codecNoneAlwaysStoresRaw() throws Exception {
        try (BlockCompressor compressor = new BlockCompressor()) {
            ByteBuffer block = TestBlocks.direct(Kind.ZEROS, BLOCK, 1);
            ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(BLOCK));
            assertEquals(BlockCompressor.maxFrameLength(BLOCK), compressor.compress(Codec.NONE, 0, block, frame));
            assertEquals(BlockFrameDescriptor.FLAG_RAW, compressor.lastFlags());
        }
    }

    @Test
    void tinyBlockIsStoredRawBecauseZstdCannotSaveOnIt() throws Exception {
        assertTrue(rawWith(PassThroughPolicy.DEFAULT, TestBlocks.direct(Kind.ZEROS, 20, 1)));
    }

    private static boolean rawWith(PassThroughPolicy policy, ByteBuffer block) throws BlockFrameException {
        try (BlockCompressor compressor = new BlockCompressor(policy, 1 << 24)) {
            ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(block.capacity()));
            compressor.compress(Codec.ZSTD, 1, block, frame);
            return (compressor.lastFlags() & BlockFrameDescriptor.FLAG_RAW) != 0;
        }
    }

    /** Random bytes with about {@code zeroFraction} of them zeroed in short runs. */
    private static ByteBuffer almostRandom(int length, double zeroFraction) {
        ByteBuffer block = TestBlocks.direct(Kind.RANDOM, length, 11);
        int runs = (int) (length * zeroFraction / 64);
        int stride = length / Math.max(1, runs);
        for (int r = 0; r < runs; r++) {
            for (int j = 0; j < 64; j++) {
                block.put(r * stride + j, (byte) 0);
            }
        }
        return block;
    }
}
