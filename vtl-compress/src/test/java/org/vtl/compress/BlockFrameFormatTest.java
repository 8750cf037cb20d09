package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vtl.compress.frame.BlockFrameDescriptor;

/** The frame's byte layout, field by field, and the header checks a reader makes before trusting it. */
class BlockFrameFormatTest {

    private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

    private final BlockCompressor compressor = new BlockCompressor();

    @AfterEach
    void close() {
        compressor.close();
    }

    @Test
    void rawFrameOfCheckStringHasDocumentedLayout() throws Exception {
        ByteBuffer frame = frameOf(CHECK_INPUT, Codec.NONE);
        byte[] expectedFirst20 = {
            'V', 'T', 'L', 'B',          // magic
            1,                           // version
            0,                           // codec: none
            1,                           // flags: RAW
            0,                           // reserved
            9, 0, 0, 0,                  // original length, little-endian
            9, 0, 0, 0,                  // stored length
            (byte) 0x83, (byte) 0x92, 0x06, (byte) 0xE3, // CRC32C("123456789") = 0xE3069283, the standard check value
        };
        byte[] actual = new byte[frame.remaining()];
        frame.get(0, actual);
        byte[] first20 = new byte[20];
        System.arraycopy(actual, 0, first20, 0, 20);
        assertArrayEquals(expectedFirst20, first20);
        CRC32C headerCrc = new CRC32C();
        headerCrc.update(first20);
        assertEquals((int) headerCrc.getValue(), frame.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(20));
        assertArrayEquals(CHECK_INPUT, java.util.Arrays.copyOfRange(actual, 24, 33));
        assertEquals(33, actual.length);
    }

    @Test
    void maxFrameLengthIsHeaderPlusBlock() {
        assertEquals(24, BlockCompressor.maxFrameLength(0));
        assertEquals(24 + 65_536, BlockCompressor.maxFrameLength(65_536));
        assertThrows(IllegalArgumentException.class, () -> BlockCompressor.maxFrameLength((1 << 24) + 1));
    }

    @Test
    void frameCapacityAddsZstdWorstCaseRoom() {
        assertEquals(24 + 262_144 + 1024, BlockCompressor.frameCapacity(262_144));
        assertTrue(BlockCompressor.frameCapacity(1) > BlockCompressor.maxFrameLength(1));
    }

    @Test
    void wrongMagicIsBadHeader() throws Exception {
        assertEquals(BlockStatus.BAD_HEADER, decodeAfter(0, (byte) 'X', false));
    }

    @Test
    void damagedHeaderFieldIsHeaderCrcMismatch() throws Exception {
        assertEquals(BlockStatus.HEADER_CRC_MISMATCH,
                decodeAfter(BlockFrameDescriptor.ORIGINAL_LENGTH_OFFSET, (byte) 8, false));
    }

    @Test
    void unknownVersionIsBadHeader() throws Exception {
        assertEquals(BlockStatus.BAD_HEADER, decodeAfter(BlockFrameDescriptor.VERSION_OFFSET, (byte) 2, true));
    }

    @Test
    void reservedByteSetIsBadHeader() throws Exception {
        assertEquals(BlockStatus.BAD_HEADER, decodeAfter(BlockFrameDescriptor.RESERVED_OFFSET, (byte) 1, true));
    }

    @Test
    void unknownFlagIsBadHeader() throws Exception {
        assertEquals(BlockStatus.BAD_HEADER, decodeAfter(BlockFrameDescriptor.FLAGS_OFFSET, (byte) 3, true));
    }

    @Test
    void unknownCodecIsReported() throws Exception {
        assertEquals(BlockStatus.UNKNOWN_CODEC, decodeAfter(BlockFrameDescriptor.CODEC_OFFSET, (byte) 9, true));
    }

    @Test
    void rawFrameWithStoredLengthUnlikeOriginalIsBadLength() throws Exception {
        assertEquals(BlockStatus.BAD_LENGTH, decodeAfter(BlockFrameDescriptor.STORED_LENGTH_OFFSET, (byte) 8, true));
    }

    @Test
    void declaredOriginalLengthOverCapIsRefusedBeforeReadingPayload() throws Exception {
        ByteBuffer frame = frameOf(CHECK_INPUT, Codec.NONE);
        rewriteHeader(frame, BlockFrameDescriptor.ORIGINAL_LENGTH_OFFSET + 3, (byte) 0x7F);
        rewriteHeader(frame, BlockFrameDescriptor.STORED_LENGTH_OFFSET + 3, (byte) 0x7F);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.decompress(frame, ByteBuffer.allocateDirect(16)));
        assertEquals(BlockStatus.BAD_LENGTH, e.status());
    }

    @Test
    void storedLengthBeyondSourceIsTruncated() throws Exception {
        ByteBuffer frame = frameOf(CHECK_INPUT, Codec.NONE);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.decompress(frame.slice(0, 32), ByteBuffer.allocateDirect(16)));
        assertEquals(BlockStatus.TRUNCATED, e.status());
    }

    @Test
    void sourceShorterThanHeaderIsTruncated() throws Exception {
        ByteBuffer frame = frameOf(CHECK_INPUT, Codec.NONE);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.decompress(frame.slice(0, 23), ByteBuffer.allocateDirect(16)));
        assertEquals(BlockStatus.TRUNCATED, e.status());
    }

    @Test
    void destinationSmallerThanOriginalIsRefused() throws Exception {
        ByteBuffer frame = frameOf(CHECK_INPUT, Codec.NONE);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.decompress(frame, ByteBuffer.allocateDirect(8)));
        assertEquals(BlockStatus.DESTINATION_TOO_SMALL, e.status());
    }

    @Test
    void wrongPayloadCrcWithConsistentHeaderIsCrcMismatch() throws Exception {
        ByteBuffer source = TestBlocks.direct(TestBlocks.Kind.TEXT, 50_000, 4);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(50_000));
        int length = compressor.compress(Codec.ZSTD, 3, source, frame);
        rewriteHeader(frame, BlockFrameDescriptor.PAYLOAD_CRC_OFFSET, (byte) (frame.get(16) ^ 1));
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.decompress(frame.slice(0, length), ByteBuffer.allocateDirect(50_000)));
        assertEquals(BlockStatus.CRC_MISMATCH, e.status());
    }

    @Test
    void compressedFrameDeclaringShorterOriginalIsCodecError() throws Exception {
        ByteBuffer source = TestBlocks.direct(TestBlocks.Kind.TEXT, 50_000, 4);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(50_000));
        int length = compressor.compress(Codec.ZSTD, 3, source, frame);
        frame.order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(BlockFrameDescriptor.ORIGINAL_LENGTH_OFFSET, 40_000);
        fixHeaderCrc(frame);
        BlockFrameException e = assertThrows(BlockFrameException.class,
                () -> compressor.decompress(frame.slice(0, length), ByteBuffer.allocateDirect(50_000)));
        assertEquals(BlockStatus.CODEC_ERROR, e.status());
    }

    private ByteBuffer frameOf(byte[] content, Codec codec) throws BlockFrameException {
        ByteBuffer source = ByteBuffer.allocateDirect(content.length).put(content).flip();
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(content.length));
        int length = compressor.compress(codec, 0, source, frame);
        return frame.slice(0, length);
    }

    private BlockStatus decodeAfter(int offset, byte value, boolean fixCrc) throws BlockFrameException {
        ByteBuffer frame = frameOf(CHECK_INPUT, Codec.NONE);
        frame.put(offset, value);
        if (fixCrc) {
            fixHeaderCrc(frame);
        }
        return assertThrows(BlockFrameException.class,
                () -> compressor.decompress(frame, ByteBuffer.allocateDirect(16))).status();
    }

    private static void rewriteHeader(ByteBuffer frame, int offset, byte value) {
        frame.put(offset, value);
        fixHeaderCrc(frame);
    }

    static void fixHeaderCrc(ByteBuffer frame) {
        byte[] header = new byte[BlockFrameDescriptor.HEADER_LENGTH];
        frame.get(0, header);
        int crc = BlockFrameDescriptor.computeHeaderCrc(header, new CRC32C());
        frame.order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(BlockFrameDescriptor.HEADER_CRC_OFFSET, crc);
    }
}
