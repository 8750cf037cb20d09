package org.vtl.cartridge.segment;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Layout of a record header inside a segment: 32 bytes, then {@code stored length} payload bytes. Big-endian.
 *
 * <pre>
 *  0 1  kind: 1 data block, 2 filemark, 3 end-of-data
 *  1 1  flags: bit 0 payload compressed
 *  2 1  codec id of a compressed payload (0 none, 1 deflate, 2 zstd)
 *  3 1  reserved (0)
 *  4 4  stored length: payload bytes following the header
 *  8 8  logical object identifier within the partition
 * 16 4  block length (uncompressed)
 * 20 4  CRC32C of the uncompressed payload (0 for filemark and end-of-data)
 * 24 4  reserved (0; room for a deduplication chunk reference)
 * 28 4  CRC32C of bytes 0..27
 * </pre>
 * No member offsets or extent ids appear here: the catalog maps logical objects to extents.
 */
public final class BlockRecordDescriptor {

    public static final int HEADER_LENGTH = 32;
    public static final int KIND_DATA = 1;
    public static final int KIND_FILEMARK = 2;
    public static final int KIND_END_OF_DATA = 3;
    public static final int FLAG_COMPRESSED = 1;

    private static final int FLAGS_OFFSET = 1;
    private static final int CODEC_OFFSET = 2;
    private static final int STORED_LENGTH_OFFSET = 4;
    private static final int OBJECT_OFFSET = 8;
    private static final int LENGTH_OFFSET = 16;
    private static final int PAYLOAD_CRC_OFFSET = 20;
    private static final int RESERVED_OFFSET = 24;
    private static final int HEADER_CRC_OFFSET = 28;

    private BlockRecordDescriptor() {
    }

    /** Writes a complete record header at {@code at}. */
    public static void put(ByteBuffer segment, int at, int kind, int flags, int codec, int storedLength, long object,
                           int length, int payloadCrc, CRC32C crc) {
        segment.put(at, (byte) kind);
        segment.put(at + FLAGS_OFFSET, (byte) flags);
        segment.put(at + CODEC_OFFSET, (byte) codec);
        segment.put(at + 3, (byte) 0);
        segment.putInt(at + STORED_LENGTH_OFFSET, storedLength);
        segment.putLong(at + OBJECT_OFFSET, object);
        segment.putInt(at + LENGTH_OFFSET, length);
        segment.putInt(at + PAYLOAD_CRC_OFFSET, payloadCrc);
        segment.putInt(at + RESERVED_OFFSET, 0);
        segment.putInt(at + HEADER_CRC_OFFSET, Crc.of(crc, segment, at, HEADER_CRC_OFFSET));
    }

    /** True when the header at {@code at} lies inside the buffer's limit and its CRC checks. */
    public static boolean isValid(ByteBuffer segment, int at, CRC32C crc) {
        return at >= 0 && at + HEADER_LENGTH <= segment.limit()
                && segment.getInt(at + HEADER_CRC_OFFSET) == Crc.of(crc, segment, at, HEADER_CRC_OFFSET)
                && at + HEADER_LENGTH + (long) storedLength(segment, at) <= segment.limit();
    }

    public static int kind(ByteBuffer segment, int at) {
        return segment.get(at);
    }

    public static int flags(ByteBuffer segment, int at) {
        return segment.get(at + FLAGS_OFFSET);
    }

    public static int codec(ByteBuffer segment, int at) {
        return segment.get(at + CODEC_OFFSET);
    }

    public static int storedLength(ByteBuffer segment, int at) {
        return segment.getInt(at + STORED_LENGTH_OFFSET);
    }

    public static long object(ByteBuffer segment, int at) {
        return segment.getLong(at + OBJECT_OFFSET);
    }

    public static int length(ByteBuffer segment, int at) {
        return segment.getInt(at + LENGTH_OFFSET);
    }

    public static int payloadCrc(ByteBuffer segment, int at) {
        return segment.getInt(at + PAYLOAD_CRC_OFFSET);
    }

    /** Offset of the record after the one at {@code at}. */
    public static int next(ByteBuffer segment, int at) {
        return at + HEADER_LENGTH + storedLength(segment, at);
    }
}
