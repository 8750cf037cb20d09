package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vtl.compress.TestBlocks.Kind;
import org.vtl.compress.frame.BlockFrameDescriptor;

/** Blocks given as several direct buffers (Data-Out pieces): same frames, no gathering. */
class BlockPiecesTest {

    /** A fast level whose output differs clearly from zstd's default level 3. */
    private static final int FAST = -5;

    private final BlockCompressor compressor = new BlockCompressor();

    @AfterEach
    void close() {
        compressor.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blockInPiecesOfRandomSizesRoundTrips(Kind kind) throws Exception {
        ByteBuffer block = TestBlocks.direct(kind, 300_000, 5);
        ByteBuffer[] pieces = cut(block, new SplittableRandom(kind.ordinal()), 20_000);
        ByteBuffer frame = frameBuffer(300_000);
        int frameLength = compressor.compress(Codec.ZSTD, 1, pieces, 300_000, frame, 0, frame.capacity());
        assertEquals(300_000, restore(frame, frameLength, block));
    }

    @Test
    void blockOfOneBytePiecesRoundTrips() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 5_000, 2);
        ByteBuffer[] pieces = cut(block, null, 1);
        ByteBuffer frame = frameBuffer(5_000);
        int frameLength = compressor.compress(Codec.ZSTD, 3, pieces, 5_000, frame, 0, frame.capacity());
        assertEquals(0, compressor.lastFlags(), "text in 1-byte pieces still compresses");
        assertEquals(5_000, restore(frame, frameLength, block));
    }

    @Test
    void piecesMixingOneByteAndLargePiecesRoundTrip() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.MIXED, 2 * 1024 * 1024, 8);
        SplittableRandom random = new SplittableRandom(8);
        List<ByteBuffer> pieces = new ArrayList<>();
        int at = 0;
        while (at < block.capacity()) {
            int n = Math.min(block.capacity() - at, random.nextBoolean() ? 1 : 1 + random.nextInt(200_000));
            pieces.add(block.slice(at, n));
            at += n;
        }
        ByteBuffer frame = frameBuffer(block.capacity());
        int frameLength = compressor.compress(Codec.ZSTD, 1, pieces.toArray(ByteBuffer[]::new), block.capacity(),
                frame, 0, frame.capacity());
        assertEquals(block.capacity(), restore(frame, frameLength, block));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void frameFromPiecesMatchesSingleBufferFrameInContent(Kind kind) throws Exception {
        ByteBuffer block = TestBlocks.direct(kind, 200_000, 4);
        ByteBuffer whole = frameBuffer(200_000);
        int wholeLength = compressor.compress(Codec.ZSTD, 1, block, 0, 200_000, whole, 0, whole.capacity());
        int wholeFlags = compressor.lastFlags();
        int wholeCrc = compressor.lastChecksum();
        ByteBuffer pieced = frameBuffer(200_000);
        int piecedLength = compressor.compress(Codec.ZSTD, 1, cut(block, new SplittableRandom(4), 30_000), 200_000,
                pieced, 0, pieced.capacity());
        assertEquals(wholeFlags, compressor.lastFlags(), "same pass-through decision");
        assertEquals(wholeCrc, compressor.lastChecksum(), "same CRC32C of the original bytes");
        assertEquals(200_000, restore(whole, wholeLength, block));
        assertEquals(200_000, restore(pieced, piecedLength, block));
    }

    @Test
    void zstdFrameFromPiecesHasTheSingleBufferHeaderFields() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 100_000, 6);
        ByteBuffer frame = frameBuffer(100_000);
        int frameLength = compressor.compress(Codec.ZSTD, 1, cut(block, new SplittableRandom(6), 7_000), 100_000,
                frame, 0, frame.capacity());
        byte[] header = new byte[BlockFrameDescriptor.HEADER_LENGTH];
        frame.get(0, header);
        assertEquals(BlockFrameDescriptor.MAGIC, BlockFrameDescriptor.magic(header));
        assertEquals(Codec.ZSTD.code(), BlockFrameDescriptor.codec(header));
        assertEquals(0, BlockFrameDescriptor.flags(header));
        assertEquals(100_000, BlockFrameDescriptor.originalLength(header));
        assertEquals(frameLength - BlockFrameDescriptor.HEADER_LENGTH, BlockFrameDescriptor.storedLength(header));
        assertEquals(crc(block), BlockFrameDescriptor.payloadCrc(header));
    }

    @Test
    void randomPiecesAreCopiedRawOneAfterAnother() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.RANDOM, 150_000, 9);
        ByteBuffer frame = frameBuffer(150_000);
        int frameLength = compressor.compress(Codec.ZSTD, 1, cut(block, new SplittableRandom(9), 40_000), 150_000,
                frame, 0, frame.capacity());
        assertEquals(BlockFrameDescriptor.FLAG_RAW, compressor.lastFlags());
        assertEquals(BlockFrameDescriptor.HEADER_LENGTH + 150_000, frameLength);
        assertTrue(TestBlocks.sameBytes(block, 0, frame, BlockFrameDescriptor.HEADER_LENGTH, 150_000));
        assertEquals(crc(block), compressor.lastChecksum());
    }

    @Test
    void codecNoneCopiesPiecesRaw() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 10_000, 1);
        ByteBuffer frame = frameBuffer(10_000);
        int frameLength = compressor.compress(Codec.NONE, 0, cut(block, new SplittableRandom(1), 999), 10_000,
                frame, 0, frame.capacity());
        assertEquals(BlockFrameDescriptor.FLAG_RAW, compressor.lastFlags());
        assertEquals(10_000, restore(frame, frameLength, block));
    }

    @Test
    void blockThatMissesTheMarginHalfWayLeavesTheContextReadyForTheNext() throws Exception {
        try (BlockCompressor unsampled = new BlockCompressor(PassThroughPolicy.NO_SAMPLING, 1 << 24);
             BlockCompressor fresh = new BlockCompressor(PassThroughPolicy.NO_SAMPLING, 1 << 24)) {
            ByteBuffer random = TestBlocks.direct(Kind.RANDOM, 100_000, 3);
            ByteBuffer frame = frameBuffer(100_000);
            unsampled.compress(Codec.ZSTD, FAST, cut(random, new SplittableRandom(3), 9_000), 100_000, frame, 0,
                    frame.capacity());
            assertEquals(BlockFrameDescriptor.FLAG_RAW, unsampled.lastFlags(), "zstd output over the margin");
            ByteBuffer text = TestBlocks.direct(Kind.TEXT, 100_000, 3);
            int length = unsampled.compress(Codec.ZSTD, FAST, cut(text, new SplittableRandom(5), 9_000), 100_000,
                    frame, 0, frame.capacity());
            assertEquals(100_000, restore(frame, length, text));
            ByteBuffer expected = frameBuffer(100_000);
            int fast = fresh.compress(Codec.ZSTD, FAST, cut(text, new SplittableRandom(5), 9_000), 100_000,
                    expected, 0, expected.capacity());
            int zstdDefault = fresh.compress(Codec.ZSTD, 3, cut(text, new SplittableRandom(5), 9_000), 100_000,
                    expected, 0, expected.capacity());
            assertTrue(Math.abs(length - fast) < fast / 50, "the level is set again after the reset: " + length
                    + " bytes, level " + FAST + " gives " + fast + ", zstd's default level " + zstdDefault);
        }
    }

    @Test
    void manySmallPiecesBeyondTheStagingCapacityRoundTrip() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.MIXED, 1 << 20, 12);
        ByteBuffer[] pieces = cut(block, null, 1_448); // TCP-segment-sized pieces: 725 of them
        ByteBuffer frame = frameBuffer(1 << 20);
        int frameLength = compressor.compress(Codec.ZSTD, 1, pieces, 1 << 20, frame, 0, frame.capacity());
        assertEquals(0, compressor.lastFlags());
        assertEquals(1 << 20, restore(frame, frameLength, block));
    }

    @Test
    void smallAndLargePiecesInEveryOrderRoundTrip() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 100_000, 13);
        int[][] layouts = {{100, 60_000, 39_900}, {39_900, 100, 60_000}, {60_000, 39_900, 100}, {99_999, 1},
            {1, 99_999}, {20_000, 20_000, 20_000, 20_000, 20_000}};
        for (int[] layout : layouts) {
            ByteBuffer[] pieces = new ByteBuffer[layout.length];
            int at = 0;
            for (int i = 0; i < layout.length; i++) {
                pieces[i] = block.slice(at, layout[i]);
                at += layout[i];
            }
            ByteBuffer frame = frameBuffer(100_000);
            int frameLength = compressor.compress(Codec.ZSTD, 1, pieces, 100_000, frame, 0, frame.capacity());
            assertEquals(0, compressor.lastFlags(), java.util.Arrays.toString(layout));
            assertEquals(100_000, restore(frame, frameLength, block));
        }
    }

    @Test
    void largePiecesThatMissTheMarginAreStoredRawAndTheNextBlockCompresses() throws Exception {
        try (BlockCompressor unsampled = new BlockCompressor(PassThroughPolicy.NO_SAMPLING, 1 << 24)) {
            ByteBuffer random = TestBlocks.direct(Kind.RANDOM, 200_000, 14);
            ByteBuffer frame = frameBuffer(200_000);
            unsampled.compress(Codec.ZSTD, 1, cut(random, null, 50_000), 200_000, frame, 0, frame.capacity());
            assertEquals(BlockFrameDescriptor.FLAG_RAW, unsampled.lastFlags());
            ByteBuffer text = TestBlocks.direct(Kind.TEXT, 200_000, 14);
            int length = unsampled.compress(Codec.ZSTD, 1, cut(text, null, 50_000), 200_000, frame, 0,
                    frame.capacity());
            assertEquals(0, unsampled.lastFlags());
            assertEquals(200_000, restore(frame, length, text));
        }
    }

    @Test
    void readOnlyPiecesCompressAndRestore() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 90_000, 3);
        ByteBuffer[] pieces = cut(block, new SplittableRandom(3), 12_000);
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = pieces[i].asReadOnlyBuffer();
        }
        ByteBuffer frame = frameBuffer(90_000);
        int frameLength = compressor.compress(Codec.ZSTD, 1, pieces, 90_000, frame, 0, frame.capacity());
        assertEquals(0, compressor.lastFlags());
        assertEquals(90_000, restore(frame, frameLength, block));
    }

    @Test
    void piecesKeepTheirPositionsAndLimits() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.MIXED, 80_000, 2);
        ByteBuffer[] pieces = cut(block, new SplittableRandom(2), 10_000);
        int[] positions = new int[pieces.length];
        int[] limits = new int[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            positions[i] = pieces[i].position();
            limits[i] = pieces[i].limit();
        }
        ByteBuffer frame = frameBuffer(80_000).position(16);
        compressor.compress(Codec.ZSTD, 1, pieces, 80_000, frame, 16, frame.capacity() - 16);
        for (int i = 0; i < pieces.length; i++) {
            assertArrayEquals(new int[] {positions[i], limits[i]}, new int[] {pieces[i].position(), pieces[i].limit()});
        }
        assertEquals(16, frame.position());
        assertEquals(frame.capacity(), frame.limit());
    }

    @Test
    void piecesWithNonZeroPositionsAreReadFromTheirPositions() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 60_000, 7);
        ByteBuffer first = block.slice(0, 40_000).position(10_000).limit(30_000);
        ByteBuffer second = block.slice(30_000, 30_000).position(5);
        ByteBuffer frame = frameBuffer(49_995);
        int frameLength = compressor.compress(Codec.ZSTD, 1, new ByteBuffer[] {first, second}, 49_995, frame, 0,
                frame.capacity());
        ByteBuffer restored = ByteBuffer.allocateDirect(49_995);
        assertEquals(49_995, compressor.decompress(frame, 0, frameLength, restored, 0, 49_995));
        assertTrue(TestBlocks.sameBytes(block, 10_000, restored, 0, 20_000));
        assertTrue(TestBlocks.sameBytes(block, 30_005, restored, 20_000, 29_995));
    }

    @Test
    void emptyBlockInNoPiecesIsAnEmptyFrame() throws Exception {
        ByteBuffer frame = frameBuffer(0);
        int frameLength = compressor.compress(Codec.ZSTD, 1, new ByteBuffer[0], 0, frame, 0, frame.capacity());
        assertEquals(BlockFrameDescriptor.HEADER_LENGTH, frameLength);
        assertEquals(0, compressor.decompress(frame, 0, frameLength, ByteBuffer.allocateDirect(1), 0, 1));
    }

    @Test
    void piecesThatDoNotAddUpToTheLengthAreBadLength() {
        ByteBuffer[] pieces = cut(TestBlocks.direct(Kind.TEXT, 1_000, 1), null, 100);
        ByteBuffer frame = frameBuffer(2_000);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.compress(Codec.ZSTD, 1, pieces, 1_001, frame, 0, frame.capacity()));
        assertEquals(BlockStatus.BAD_LENGTH, e.status());
    }

    @Test
    void heapPieceIsBadLength() {
        ByteBuffer[] pieces = {ByteBuffer.allocateDirect(10), ByteBuffer.allocate(10)};
        ByteBuffer frame = frameBuffer(20);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.compress(Codec.ZSTD, 1, pieces, 20, frame, 0, frame.capacity()));
        assertEquals(BlockStatus.BAD_LENGTH, e.status());
    }

    @Test
    void destinationSmallerThanTheRawFrameIsRefused() {
        ByteBuffer[] pieces = cut(TestBlocks.direct(Kind.TEXT, 1_000, 1), null, 100);
        ByteBuffer frame = ByteBuffer.allocateDirect(1_000);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.compress(Codec.ZSTD, 1, pieces, 1_000, frame, 0, frame.capacity()));
        assertEquals(BlockStatus.DESTINATION_TOO_SMALL, e.status());
    }

    @Test
    void corruptedFrameFromPiecesIsCaughtByTheDecoder() throws Exception {
        ByteBuffer block = TestBlocks.direct(Kind.RANDOM, 70_000, 4);
        ByteBuffer frame = frameBuffer(70_000);
        int frameLength = compressor.compress(Codec.ZSTD, 1, cut(block, new SplittableRandom(4), 5_000), 70_000,
                frame, 0, frame.capacity());
        frame.put(1_000, (byte) (frame.get(1_000) ^ 0x40));
        BlockFrameException e = assertThrows(BlockFrameException.class, () -> compressor.decompress(frame, 0,
                frameLength, ByteBuffer.allocateDirect(70_000), 0, 70_000));
        assertEquals(BlockStatus.CRC_MISMATCH, e.status());
        assertNotEquals(0, frameLength);
    }

    /**
     * Cuts a block into slices: of 1 to {@code maxPiece} bytes when {@code random} is given (with about one piece
     * in eight a single byte), else of exactly {@code maxPiece} bytes.
     */
    static ByteBuffer[] cut(ByteBuffer block, SplittableRandom random, int maxPiece) {
        List<ByteBuffer> pieces = new ArrayList<>();
        int at = 0;
        while (at < block.capacity()) {
            int n = maxPiece;
            if (random != null) {
                n = random.nextInt(8) == 0 ? 1 : 1 + random.nextInt(maxPiece);
            }
            n = Math.min(n, block.capacity() - at);
            pieces.add(block.slice(at, n));
            at += n;
        }
        return pieces.toArray(ByteBuffer[]::new);
    }

    private static ByteBuffer frameBuffer(int length) {
        return ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(length));
    }

    private int restore(ByteBuffer frame, int frameLength, ByteBuffer expected) throws BlockFrameException {
        ByteBuffer restored = ByteBuffer.allocateDirect(Math.max(1, expected.capacity()));
        int n = compressor.decompress(frame, 0, frameLength, restored, 0, restored.capacity());
        assertTrue(TestBlocks.sameBytes(expected, 0, restored, 0, expected.capacity()), "restored bytes differ");
        return n;
    }

    private static int crc(ByteBuffer block) {
        CRC32C crc = new CRC32C();
        crc.update(block.duplicate().clear());
        return (int) crc.getValue();
    }
}
