package org.vtl.catalog;

import java.nio.ByteBuffer;

/**
 * The committed state of one medium partition (table 20h): six big-endian longs in this order.
 *
 * @param size          native capacity of the partition in bytes
 * @param endOfData     logical object number of end-of-data (= number of objects recorded)
 * @param filemarks     filemarks recorded before end-of-data
 * @param nativeBytes   native (uncompressed) data bytes recorded before end-of-data
 * @param storedBytes   stored payload bytes (compressed or raw, without record headers) of the live records;
 *                      what a library partition quota counts
 * @param nextSequence  sequence number the next segment of this partition gets
 */
public record PartitionState(long size, long endOfData, long filemarks, long nativeBytes, long storedBytes,
                             long nextSequence) {

    public static PartitionState blank(long size) {
        return new PartitionState(size, 0, 0, 0, 0, 0);
    }

    public byte[] encode() {
        return ByteBuffer.allocate(48).putLong(size).putLong(endOfData).putLong(filemarks).putLong(nativeBytes)
                .putLong(storedBytes).putLong(nextSequence).array();
    }

    public static PartitionState decode(byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        return new PartitionState(b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }
}
