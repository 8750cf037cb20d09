package org.vtl.catalog;

/**
 * The narrow ordered key-value store under the catalog: byte keys compared unsigned lexicographically,
 * atomic batches, and a durability barrier. Only {@link RocksKeyValueStore} implements it on RocksDB, so the
 * rest of the code never sees {@code org.rocksdb} (the shape of BookKeeper's {@code KeyValueStorage}).
 *
 * <p>Failures are {@link CatalogException}s: the catalog is on the acknowledgement path, so a failure is FATAL
 * for writes (style.md 2.4) and the caller reports it, never hides it.
 */
public interface KeyValueStore extends AutoCloseable {

    /** The value stored under {@code key}, or {@code null}. */
    byte[] get(byte[] key);

    /** Visits entries with {@code from <= key < to} in ascending key order while the visitor returns true. */
    void scan(byte[] from, byte[] to, EntryVisitor visitor);

    /** The entry with the greatest key in {@code [from, to)}, given to the visitor; false when there is none. */
    boolean last(byte[] from, byte[] to, EntryVisitor visitor);

    /** A new empty batch; close it (or write it) when done. */
    KeyValueBatch newBatch();

    /**
     * Applies the batch atomically: after a crash either every operation of it is visible or none.
     *
     * @param sync true to return only once the write-ahead log is synced to stable storage
     */
    void write(KeyValueBatch batch, boolean sync);

    /** Durability barrier: everything written so far is on stable storage when it returns. */
    void sync();

    @Override
    void close();

    /** Receives one entry of a scan. */
    @FunctionalInterface
    interface EntryVisitor {
        /** Returns false to stop the scan. */
        boolean visit(byte[] key, byte[] value);
    }
}
