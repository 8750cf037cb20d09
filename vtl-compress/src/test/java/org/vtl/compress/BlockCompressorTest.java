package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vtl.compress.TestBlocks.Kind;
import org.vtl.compress.frame.BlockFrameDescriptor;

class BlockCompressorTest {

    private final BlockCompressor compressor = new BlockCompressor();

    @AfterEach
    void close() {
        compressor.close();
    }

    static List<Arguments> roundTrips() {
        int[] sizes = {1, 100, 4096, 65_536, 256 * 1024 + 7, 2 * 1024 * 1024};
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int size : sizes) {
                cases.add(Arguments.of(Codec.NONE, 0, kind, size));
                for (int level : new int[] {-5, 1, 3, 9}) {
                    if (size <= 256 * 1024 + 7 || level <= 3) {
                        cases.add(Arguments.of(Codec.ZSTD, level, kind, size));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} level {1}, {2}, {3} bytes")
    @MethodSource("roundTrips")
    void roundTripRestoresEveryByte(Codec codec, int level, Kind kind, int size) throws Exception {
        ByteBuffer source = TestBlocks.direct(kind, size, size * 31L + level);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(size));
        int frameLength = compressor.compress(codec, level, source, frame);
        assertTrue(frameLength <= BlockCompressor.maxFrameLength(size), "frame within the bound");
        ByteBuffer restored = ByteBuffer.allocateDirect(size);
        int restoredLength = compressor.decompress(frame.slice(0, frameLength), restored);
        assertEquals(size, restoredLength);
        assertTrue(TestBlocks.sameBytes(source, 0, restored, 0, size), "bytes restored");
        assertEquals(0, source.position(), "source position untouched");
        assertEquals(size, source.limit(), "source limit untouched");
    }

    @Test
    void randomBlockIsStoredRawAndFlagged() throws Exception {
        ByteBuffer source = TestBlocks.direct(Kind.RANDOM, 128 * 1024, 7);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(source.capacity()));
        int frameLength = compressor.compress(Codec.ZSTD, 3, source, frame);
        assertEquals(BlockFrameDescriptor.HEADER_LENGTH + source.capacity(), frameLength);
        assertEquals(BlockFrameDescriptor.FLAG_RAW, frame.get(BlockFrameDescriptor.FLAGS_OFFSET));
        assertTrue(TestBlocks.sameBytes(source, 0, frame, BlockFrameDescriptor.HEADER_LENGTH, source.capacity()));
    }

    @Test
    void textBlockIsStoredCompressed() throws Exception {
        ByteBuffer source = TestBlocks.direct(Kind.TEXT, 128 * 1024, 7);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(source.capacity()));
        int frameLength = compressor.compress(Codec.ZSTD, 3, source, frame);
        assertTrue(frameLength < source.capacity() / 2, "text shrinks at least 2:1, got " + frameLength);
        assertEquals(0, frame.get(BlockFrameDescriptor.FLAGS_OFFSET));
    }

    @Test
    void destinationSmallerThanBoundIsRefused() {
        ByteBuffer source = TestBlocks.direct(Kind.TEXT, 1000, 1);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(1000) - 1);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.compress(Codec.ZSTD, 1, source, frame));
        assertEquals(BlockStatus.DESTINATION_TOO_SMALL, e.status());
    }

    @Test
    void flippedPayloadBitInRawFrameIsCrcMismatch() throws Exception {
        ByteBuffer source = TestBlocks.direct(Kind.RANDOM, 4096, 3);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(4096));
        int frameLength = compressor.compress(Codec.ZSTD, 1, source, frame);
        int at = BlockFrameDescriptor.HEADER_LENGTH + 100;
        frame.put(at, (byte) (frame.get(at) ^ 0x10));
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.decompress(frame.slice(0, frameLength), ByteBuffer.allocateDirect(4096)));
        assertEquals(BlockStatus.CRC_MISMATCH, e.status());
    }

    @ParameterizedTest(name = "{0}, {1} bytes, {2} spare")
    @MethodSource("regions")
    void compressWritesOnlyInsideItsRegion(Kind kind, int size, int spare) throws Exception {
        ByteBuffer source = TestBlocks.direct(kind, size, size);
        int regionOffset = 1000;
        int regionLength = BlockCompressor.maxFrameLength(size) + spare;
        ByteBuffer stripe = ByteBuffer.allocateDirect(regionOffset + regionLength + 1000);
        for (int i = 0; i < stripe.capacity(); i++) {
            stripe.put(i, (byte) 0xA5);
        }
        int frameLength = compressor.compress(Codec.ZSTD, 3, source, 0, size, stripe, regionOffset, regionLength);
        assertEquals(-1, firstChanged(stripe, 0, regionOffset), "byte before the region changed");
        assertEquals(-1, firstChanged(stripe, regionOffset + regionLength, stripe.capacity()),
                "byte after the region changed");
        ByteBuffer restored = ByteBuffer.allocateDirect(size);
        assertEquals(size, compressor.decompress(stripe, regionOffset, frameLength, restored, 0, size));
        assertTrue(TestBlocks.sameBytes(source, 0, restored, 0, size));
    }

    private static int firstChanged(ByteBuffer buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer.get(i) != (byte) 0xA5) {
                return i;
            }
        }
        return -1;
    }

    static List<Arguments> regions() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : new Kind[] {Kind.RANDOM, Kind.TEXT, Kind.MIXED}) {
            for (int size : new int[] {5000, 20_000, 100_000}) {
                for (int spare : new int[] {0, 2048}) {
                    cases.add(Arguments.of(kind, size, spare));
                }
            }
        }
        return cases;
    }

    @Test
    void compressLeavesSourceAndDestinationPositionsAsTheyWere() throws Exception {
        ByteBuffer pooled = TestBlocks.direct(Kind.TEXT, 10_000, 1);
        pooled.position(100).limit(9000);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(8900));
        compressor.compress(Codec.ZSTD, 1, pooled, frame);
        assertEquals(100, pooled.position());
        assertEquals(9000, pooled.limit());
        assertFalse(frame.position() != 0 || frame.limit() != frame.capacity(), "destination untouched");
    }
}
