package org.vtl.catalog;

import java.nio.ByteBuffer;

/** Operations collected for one atomic {@link KeyValueStore#write}. Not thread-safe. */
public interface KeyValueBatch extends AutoCloseable {

    void put(byte[] key, byte[] value);

    /**
     * Puts the remaining bytes of two direct buffers (no copy into the Java heap); both buffers may be reused
     * as soon as this returns.
     */
    void put(ByteBuffer key, ByteBuffer value);

    void delete(byte[] key);

    /** Deletes every key in {@code [from, to)}. */
    void deleteRange(byte[] from, byte[] to);

    /** Number of operations collected. */
    int count();

    /** Frees the batch's native memory. */
    @Override
    void close();
}
