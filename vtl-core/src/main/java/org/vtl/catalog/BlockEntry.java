package org.vtl.catalog;

import java.nio.ByteBuffer;

/**
 * A block index entry (table 21h): where a logical object is stored and the totals before it, so a position
 * can be reported without scanning. Value (big-endian): extent(8), offset(4), kind(1: 1 data, 2 filemark),
 * length(4), stored length(4), bytes before(8), filemarks before(8), stored bytes before(8) = 45 bytes.
 *
 * @param extent          catalog id of the extent (segment) holding the record
 * @param offset          byte offset of the record header inside the extent
 * @param kind            {@link #DATA} or {@link #FILEMARK}
 * @param length          uncompressed block length (0 for a filemark)
 * @param storedLength    stored payload bytes (after compression), without the record header
 * @param bytesBefore     native data bytes of the partition before this object
 * @param filemarksBefore filemarks of the partition before this object
 * @param storedBefore    stored payload bytes of the partition before this object
 */
public record BlockEntry(long extent, int offset, int kind, int length, int storedLength, long bytesBefore,
                         long filemarksBefore, long storedBefore) {

    public static final int DATA = 1;
    public static final int FILEMARK = 2;
    public static final int VALUE_LENGTH = 45;

    public boolean isFilemark() {
        return kind == FILEMARK;
    }

    /** Writes the value into a reusable buffer, flipped for reading. */
    public static ByteBuffer encode(ByteBuffer into, long extent, int offset, int kind, int length, int storedLength,
                                    long bytesBefore, long filemarksBefore, long storedBefore) {
        into.clear();
        into.putLong(extent).putInt(offset).put((byte) kind).putInt(length).putInt(storedLength).putLong(bytesBefore)
                .putLong(filemarksBefore).putLong(storedBefore).flip();
        return into;
    }

    public static BlockEntry decode(byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        return new BlockEntry(b.getLong(), b.getInt(), b.get(), b.getInt(), b.getInt(), b.getLong(), b.getLong(),
                b.getLong());
    }
}
