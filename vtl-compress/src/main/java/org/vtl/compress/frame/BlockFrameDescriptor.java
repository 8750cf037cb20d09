package org.vtl.compress.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Byte layout of one self-describing block frame: a 24-byte header followed by the stored payload.
 *
 * <pre>
 *  byte   0       1       2       3       4       5       6       7
 *       +-------+-------+-------+-------+-------+-------+-------+-------+
 *     0 |  'V'  |  'T'  |  'L'  |  'B'  |version| codec | flags |  rsvd |
 *       +-------+-------+-------+-------+-------+-------+-------+-------+
 *     8 |        original length        |         stored length         |
 *       +-------------------------------+-------------------------------+
 *    16 |   CRC32C of original bytes    |   CRC32C of header bytes 0-19 |
 *       +-------------------------------+-------------------------------+
 *    24 | payload: stored length bytes (codec output, or the original bytes when flags.RAW)  ...
 * </pre>
 *
 * <ul>
 *   <li>All multi-byte fields are little-endian (unsigned 32-bit values, but never above
 *       {@link #MAX_ORIGINAL_LENGTH} + {@link #HEADER_LENGTH}).</li>
 *   <li>{@code version} is {@link #VERSION}; {@code codec} is the codec that was asked for
 *       ({@code 0} none, {@code 1} zstd); {@code rsvd} must be zero.</li>
 *   <li>{@code flags} bit 0 ({@link #FLAG_RAW}): the payload is the original bytes, stored raw because the codec
 *       did not shrink the block enough (or the codec is none). Other bits are reserved and must be zero.</li>
 *   <li>{@code original length} is at most {@link #MAX_ORIGINAL_LENGTH} (16 MiB, the largest SSC block a 24-bit
 *       transfer length can describe, rounded up); a reader refuses larger values before touching the payload.</li>
 *   <li>When {@code RAW} is set, {@code stored length == original length}.</li>
 *   <li>The payload CRC32C (Castagnoli, as iSCSI digests use) covers the original, uncompressed bytes, so it is
 *       checked after decompression and catches corruption anywhere below the engine end to end.</li>
 *   <li>The header CRC32C covers bytes 0..19 so a damaged header is reported as such before the lengths are
 *       trusted.</li>
 * </ul>
 *
 * This class only names offsets and reads or writes fields of a header image held in a {@code byte[]}; checking
 * the values is the job of {@code org.vtl.compress.BlockCompressor}.
 */
public final class BlockFrameDescriptor {

    /** "VTLB" as a little-endian int. */
    public static final int MAGIC = 0x424C5456;
    public static final int VERSION = 1;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int CODEC_OFFSET = 5;
    public static final int FLAGS_OFFSET = 6;
    public static final int RESERVED_OFFSET = 7;
    public static final int ORIGINAL_LENGTH_OFFSET = 8;
    public static final int STORED_LENGTH_OFFSET = 12;
    public static final int PAYLOAD_CRC_OFFSET = 16;
    public static final int HEADER_CRC_OFFSET = 20;
    public static final int HEADER_LENGTH = 24;

    /** Flags bit 0: payload holds the original bytes. */
    public static final int FLAG_RAW = 0x01;
    public static final int KNOWN_FLAGS = FLAG_RAW;

    /** Largest original length a frame may declare: 16 MiB. */
    public static final int MAX_ORIGINAL_LENGTH = 1 << 24;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private BlockFrameDescriptor() {
    }

    /**
     * Fills a header image with every field and its header CRC.
     *
     * @param header at least {@link #HEADER_LENGTH} bytes
     * @param crc a CRC32C instance to reuse (it is reset)
     */
    public static void write(byte[] header, int codec, int flags, int originalLength, int storedLength,
                             int payloadCrc, CRC32C crc) {
        INT_LE.set(header, MAGIC_OFFSET, MAGIC);
        header[VERSION_OFFSET] = (byte) VERSION;
        header[CODEC_OFFSET] = (byte) codec;
        header[FLAGS_OFFSET] = (byte) flags;
        header[RESERVED_OFFSET] = 0;
        INT_LE.set(header, ORIGINAL_LENGTH_OFFSET, originalLength);
        INT_LE.set(header, STORED_LENGTH_OFFSET, storedLength);
        INT_LE.set(header, PAYLOAD_CRC_OFFSET, payloadCrc);
        INT_LE.set(header, HEADER_CRC_OFFSET, computeHeaderCrc(header, crc));
    }

    /** CRC32C of header bytes 0..19, as stored at {@link #HEADER_CRC_OFFSET}. */
    public static int computeHeaderCrc(byte[] header, CRC32C crc) {
        crc.reset();
        crc.update(header, 0, HEADER_CRC_OFFSET);
        return (int) crc.getValue();
    }

    public static int magic(byte[] header) {
        return (int) INT_LE.get(header, MAGIC_OFFSET);
    }

    public static int version(byte[] header) {
        return header[VERSION_OFFSET] & 0xFF;
    }

    public static int codec(byte[] header) {
        return header[CODEC_OFFSET] & 0xFF;
    }

    public static int flags(byte[] header) {
        return header[FLAGS_OFFSET] & 0xFF;
    }

    public static int reserved(byte[] header) {
        return header[RESERVED_OFFSET] & 0xFF;
    }

    /** Original length as an unsigned value (a hostile header may set the top bit). */
    public static long originalLength(byte[] header) {
        return Integer.toUnsignedLong((int) INT_LE.get(header, ORIGINAL_LENGTH_OFFSET));
    }

    /** Stored length as an unsigned value (a hostile header may set the top bit). */
    public static long storedLength(byte[] header) {
        return Integer.toUnsignedLong((int) INT_LE.get(header, STORED_LENGTH_OFFSET));
    }

    public static int payloadCrc(byte[] header) {
        return (int) INT_LE.get(header, PAYLOAD_CRC_OFFSET);
    }

    public static int headerCrc(byte[] header) {
        return (int) INT_LE.get(header, HEADER_CRC_OFFSET);
    }
}
