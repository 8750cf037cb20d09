package org.vtl.catalog;

import java.nio.ByteBuffer;

/**
 * A stored extent (table 30h): an opaque locator in the pool, its length and how many catalog entries refer
 * to it. Value: address(8), length(4), reference count(4). Extents are freed in the pool only after the batch
 * that dropped their last reference is durable.
 *
 * @param id         catalog id
 * @param address    the segment store's locator
 * @param length     bytes stored
 * @param references segment-list entries (and, later, deduplicated chunks) referring to it
 */
public record ExtentRecord(long id, long address, int length, int references) {

    public byte[] encodeValue() {
        return ByteBuffer.allocate(16).putLong(address).putInt(length).putInt(references).array();
    }

    public static ExtentRecord decode(long id, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        return new ExtentRecord(id, b.getLong(), b.getInt(), b.getInt());
    }

    public ExtentRecord withReferences(int count) {
        return new ExtentRecord(id, address, length, count);
    }
}
