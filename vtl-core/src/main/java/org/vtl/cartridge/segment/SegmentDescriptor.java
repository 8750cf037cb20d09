package org.vtl.cartridge.segment;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Layout of a segment header, the first 64 bytes of every segment (docs/formats.md). Big-endian.
 *
 * <pre>
 *  0  8  magic "VTLSEG01"
 *  8  2  format version (1)
 * 10  2  header length (64)
 * 12  2  flags (bit 0: payload encrypted)
 * 14  1  medium partition
 * 15  1  reserved (0)
 * 16  8  cartridge id (catalog)
 * 24  8  segment sequence number within the partition
 * 32  8  logical object of the first record
 * 40  4  payload length: bytes of records after the header
 * 44  4  encryption key id (0: not encrypted)
 * 48 12  nonce (zero while unencrypted)
 * 60  4  CRC32C of bytes 0..59
 * </pre>
 * Records ({@link BlockRecordDescriptor}) follow back to back. A segment is self-describing: with its header
 * and record headers a cartridge can be rebuilt without the catalog (shelf export).
 */
public final class SegmentDescriptor {

    public static final int HEADER_LENGTH = 64;
    public static final long MAGIC = 0x56544C5345473031L;
    public static final int VERSION = 1;

    private static final int VERSION_OFFSET = 8;
    private static final int HEADER_LENGTH_OFFSET = 10;
    private static final int FLAGS_OFFSET = 12;
    private static final int PARTITION_OFFSET = 14;
    private static final int CARTRIDGE_OFFSET = 16;
    private static final int SEQUENCE_OFFSET = 24;
    private static final int FIRST_OBJECT_OFFSET = 32;
    private static final int PAYLOAD_LENGTH_OFFSET = 40;
    private static final int KEY_ID_OFFSET = 44;
    private static final int NONCE_OFFSET = 48;
    private static final int NONCE_LENGTH = 12;
    private static final int CRC_OFFSET = 60;

    private SegmentDescriptor() {
    }

    /** Writes a fresh header at offset 0 (payload length 0, unencrypted). */
    public static void begin(ByteBuffer segment, long cartridge, int partition, long sequence, long firstObject) {
        segment.putLong(0, MAGIC);
        segment.putShort(VERSION_OFFSET, (short) VERSION);
        segment.putShort(HEADER_LENGTH_OFFSET, (short) HEADER_LENGTH);
        segment.putShort(FLAGS_OFFSET, (short) 0);
        segment.put(PARTITION_OFFSET, (byte) partition);
        segment.put(PARTITION_OFFSET + 1, (byte) 0);
        segment.putLong(CARTRIDGE_OFFSET, cartridge);
        segment.putLong(SEQUENCE_OFFSET, sequence);
        segment.putLong(FIRST_OBJECT_OFFSET, firstObject);
        segment.putInt(PAYLOAD_LENGTH_OFFSET, 0);
        segment.putInt(KEY_ID_OFFSET, 0);
        for (int i = 0; i < NONCE_LENGTH; i++) {
            segment.put(NONCE_OFFSET + i, (byte) 0);
        }
    }

    /** Records the payload length and the header CRC before the segment is written. */
    public static void seal(ByteBuffer segment, int payloadLength, CRC32C crc) {
        segment.putInt(PAYLOAD_LENGTH_OFFSET, payloadLength);
        segment.putInt(CRC_OFFSET, Crc.of(crc, segment, 0, CRC_OFFSET));
    }

    /** True when the header's magic, version and CRC check. */
    public static boolean isValid(ByteBuffer segment, CRC32C crc) {
        return segment.limit() >= HEADER_LENGTH && segment.getLong(0) == MAGIC
                && segment.getShort(VERSION_OFFSET) == VERSION
                && segment.getInt(CRC_OFFSET) == Crc.of(crc, segment, 0, CRC_OFFSET);
    }

    public static long cartridge(ByteBuffer segment) {
        return segment.getLong(CARTRIDGE_OFFSET);
    }

    public static int partition(ByteBuffer segment) {
        return Byte.toUnsignedInt(segment.get(PARTITION_OFFSET));
    }

    public static long sequence(ByteBuffer segment) {
        return segment.getLong(SEQUENCE_OFFSET);
    }

    public static long firstObject(ByteBuffer segment) {
        return segment.getLong(FIRST_OBJECT_OFFSET);
    }

    public static int payloadLength(ByteBuffer segment) {
        return segment.getInt(PAYLOAD_LENGTH_OFFSET);
    }

    public static int keyId(ByteBuffer segment) {
        return segment.getInt(KEY_ID_OFFSET);
    }

    public static int flags(ByteBuffer segment) {
        return Short.toUnsignedInt(segment.getShort(FLAGS_OFFSET));
    }
}
