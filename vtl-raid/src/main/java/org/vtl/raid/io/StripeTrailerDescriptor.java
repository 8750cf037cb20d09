package org.vtl.raid.io;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Byte layout of the 4 KiB trailer that follows a stripe's chunk on each of its members. Every member of
 * the stripe carries the same trailer except for {@code role}, so any survivor describes the whole stripe:
 * its width, length and the CRC32C of every chunk (data, then P, then Q). Static methods over a buffer at
 * absolute indexes, no allocation (a flyweight in the Agrona sense).
 * <pre>
 *   0  magic "VTLSTRIP"      8  version (1)      12  role of this member (0..w+1)
 *  16  pool id (16)         32  group           36  width w
 *  40  row                  48  length          52  chunk size        56  sequence
 *  64  chunk CRC32C[w+2]
 * 4092 CRC32C of bytes 0..4091
 * </pre>
 */
public final class StripeTrailerDescriptor {

    public static final int SIZE = 4096;
    public static final long MAGIC = 0x5654_4C53_5452_4950L; // "VTLSTRIP"
    private static final int VERSION = 1;
    private static final int ROLE = 12;
    private static final int POOL_ID = 16;
    private static final int GROUP = 32;
    private static final int WIDTH = 36;
    private static final int ROW = 40;
    private static final int LENGTH = 48;
    private static final int CHUNK_SIZE = 52;
    private static final int SEQUENCE = 56;
    private static final int CHUNK_CRCS = 64;
    private static final int CRC = SIZE - 4;

    private StripeTrailerDescriptor() {
    }

    /** Writes the shared fields; chunk CRCs are set with {@link #chunkCrc(ByteBuffer, int, int)}. */
    public static void encode(ByteBuffer dst, long poolHigh, long poolLow, int group, int width, long row, int length,
            int chunkSize, long sequence) {
        for (int i = 0; i < CHUNK_CRCS + 4 * 24; i += 8) {
            dst.putLong(i, 0L);
        }
        dst.putLong(0, MAGIC);
        dst.putInt(8, VERSION);
        dst.putLong(POOL_ID, poolHigh);
        dst.putLong(POOL_ID + 8, poolLow);
        dst.putInt(GROUP, group);
        dst.putInt(WIDTH, width);
        dst.putLong(ROW, row);
        dst.putInt(LENGTH, length);
        dst.putInt(CHUNK_SIZE, chunkSize);
        dst.putLong(SEQUENCE, sequence);
    }

    public static void chunkCrc(ByteBuffer dst, int role, int crc) {
        dst.putInt(CHUNK_CRCS + 4 * role, crc);
    }

    /** Sets this member's role and seals the trailer with its own CRC. */
    public static void seal(ByteBuffer dst, int role, CRC32C crc) {
        dst.putInt(ROLE, role);
        dst.putInt(CRC, checksum(dst, crc));
    }

    /** True when magic, version and the trailer's own CRC check out. */
    public static boolean valid(ByteBuffer src, CRC32C crc) {
        return src.getLong(0) == MAGIC && src.getInt(8) == VERSION && src.getInt(CRC) == checksum(src, crc);
    }

    /** True when a valid trailer describes exactly this stripe of this pool. */
    public static boolean describes(ByteBuffer src, long poolHigh, long poolLow, int group, long row, int width,
            int length) {
        return src.getLong(POOL_ID) == poolHigh && src.getLong(POOL_ID + 8) == poolLow && src.getInt(GROUP) == group
                && src.getLong(ROW) == row && src.getInt(WIDTH) == width && src.getInt(LENGTH) == length;
    }

    public static int role(ByteBuffer src) {
        return src.getInt(ROLE);
    }

    public static int width(ByteBuffer src) {
        return src.getInt(WIDTH);
    }

    public static int length(ByteBuffer src) {
        return src.getInt(LENGTH);
    }

    public static long sequence(ByteBuffer src) {
        return src.getLong(SEQUENCE);
    }

    /** Replaces the sequence of a descriptor whose contents change after it was first written (scrub). */
    public static void sequence(ByteBuffer dst, long sequence) {
        dst.putLong(SEQUENCE, sequence);
    }

    /** True when two trailers describe the same stripe identically, whatever member role each was sealed for. */
    public static boolean sameStripe(ByteBuffer a, ByteBuffer b) {
        for (int i = 0; i < CRC; i += 4) {
            if (i != ROLE && a.getInt(i) != b.getInt(i)) {
                return false;
            }
        }
        return true;
    }

    public static int chunkCrc(ByteBuffer src, int role) {
        return src.getInt(CHUNK_CRCS + 4 * role);
    }

    private static int checksum(ByteBuffer b, CRC32C crc) {
        int position = b.position();
        int limit = b.limit();
        crc.reset();
        b.limit(CRC).position(0);
        crc.update(b);
        b.limit(limit).position(position);
        return (int) crc.getValue();
    }
}
