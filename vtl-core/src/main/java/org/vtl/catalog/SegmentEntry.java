package org.vtl.catalog;

import java.nio.ByteBuffer;

/**
 * A segment of a partition's log (table 23h, keyed by its first logical object). Value: extent(8),
 * sequence(8). Truncating at object n drops the segments whose first object is at least n.
 *
 * @param firstObject the logical object of its first record
 * @param extent      catalog id of the extent holding it
 * @param sequence    the partition's segment sequence number, as in the segment header
 */
public record SegmentEntry(long firstObject, long extent, long sequence) {

    public byte[] encodeValue() {
        return ByteBuffer.allocate(16).putLong(extent).putLong(sequence).array();
    }

    public static SegmentEntry decode(byte[] key, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        return new SegmentEntry(CatalogKeys.objectNumber(key), b.getLong(), b.getLong());
    }
}
