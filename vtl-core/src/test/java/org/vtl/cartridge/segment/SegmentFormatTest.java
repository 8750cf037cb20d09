package org.vtl.cartridge.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.TestBlocks;

class SegmentFormatTest {

    private final CRC32C crc = new CRC32C();

    @Test
    void segmentHeaderRoundTripsAndAnyFlippedBitIsDetected() {
        ByteBuffer s = ByteBuffer.allocateDirect(4096);
        SegmentDescriptor.begin(s, 42, 3, 7, 1000);
        SegmentDescriptor.seal(s, 500, crc);
        s.limit(SegmentDescriptor.HEADER_LENGTH + 500);
        assertTrue(SegmentDescriptor.isValid(s, crc));
        assertEquals(42, SegmentDescriptor.cartridge(s));
        assertEquals(3, SegmentDescriptor.partition(s));
        assertEquals(7, SegmentDescriptor.sequence(s));
        assertEquals(1000, SegmentDescriptor.firstObject(s));
        assertEquals(500, SegmentDescriptor.payloadLength(s));
        assertEquals(0, SegmentDescriptor.keyId(s));
        for (int bit = 0; bit < SegmentDescriptor.HEADER_LENGTH * 8; bit++) {
            s.put(bit / 8, (byte) (s.get(bit / 8) ^ (1 << (bit % 8))));
            assertFalse(SegmentDescriptor.isValid(s, crc), "bit " + bit);
            s.put(bit / 8, (byte) (s.get(bit / 8) ^ (1 << (bit % 8))));
        }
    }

    @Test
    void recordHeaderRoundTripsAndIsRejectedWhenItsPayloadLeavesTheSegment() {
        ByteBuffer s = ByteBuffer.allocateDirect(256);
        BlockRecordDescriptor.put(s, 64, BlockRecordDescriptor.KIND_DATA, 1, 2, 100, 99, 150, 0x1234, crc);
        s.limit(64 + 32 + 100);
        assertTrue(BlockRecordDescriptor.isValid(s, 64, crc));
        assertEquals(BlockRecordDescriptor.KIND_DATA, BlockRecordDescriptor.kind(s, 64));
        assertEquals(100, BlockRecordDescriptor.storedLength(s, 64));
        assertEquals(99, BlockRecordDescriptor.object(s, 64));
        assertEquals(150, BlockRecordDescriptor.length(s, 64));
        assertEquals(0x1234, BlockRecordDescriptor.payloadCrc(s, 64));
        assertEquals(64 + 32 + 100, BlockRecordDescriptor.next(s, 64));
        s.limit(64 + 32 + 99);
        assertFalse(BlockRecordDescriptor.isValid(s, 64, crc));
    }

    @Test
    void deflateRoundTripsGatheredPayloadsAndLeavesTheirPositions() throws Exception {
        byte[] text = "tape ".repeat(3000).getBytes();
        ByteBuffer a = ByteBuffer.allocateDirect(5000).put(text, 0, 5000).flip();
        ByteBuffer b = ByteBuffer.allocateDirect(text.length - 5000).put(text, 5000, text.length - 5000).flip();
        ByteBuffer dst = ByteBuffer.allocateDirect(text.length);
        DeflateCodec codec = new DeflateCodec();
        int n = codec.compress(new ByteBuffer[] {a, b}, text.length, dst);
        assertTrue(n > 0 && n < text.length / 10, "compressed to " + n);
        assertEquals(0, a.position());
        assertEquals(0, b.position());
        dst.flip();
        ByteBuffer out = ByteBuffer.allocateDirect(text.length);
        codec.decompress(dst, out, text.length);
        out.flip();
        byte[] got = new byte[out.remaining()];
        out.get(got);
        assertArrayEquals(text, got);
    }

    @Test
    void deflateDeclinesBlocksThatDoNotShrink() {
        TestBlocks.Counted random = TestBlocks.payload(5, 4000);
        ByteBuffer dst = ByteBuffer.allocateDirect(8000);
        assertEquals(-1, new DeflateCodec().compress(random.buffers(), 4000, dst));
        assertEquals(0, dst.position());
        assertEquals(4000, random.buffers()[0].remaining());
    }

    @Test
    void fileStoreRefusesAClaimWhenEverySlotIsTakenAndRecoveryFreesUnlistedOnes(@TempDir Path dir)
            throws Exception {
        try (FileSegmentStore store = FileSegmentStore.open(dir.resolve("s"), 8192, 2, false)) {
            ByteBuffer one = store.claim();
            one.put(0, (byte) 7);
            StoredExtent e1 = store.write(one, 100);
            ByteBuffer two = store.claim();
            assertThrows(SegmentStoreFullException.class, store::claim);
            store.release(two);
            StoredExtent e2 = store.write(store.claim(), 50);
            assertEquals(0, store.freeBytes());
            store.recover(List.of(e1));
            assertEquals(8192, store.freeBytes());
            ByteBuffer back = ByteBuffer.allocate(1);
            store.read(e1, 0, back);
            assertEquals(7, back.get(0));
            assertThrows(java.io.IOException.class, () -> store.read(e2, 40, ByteBuffer.allocate(20)));
        }
    }
}
