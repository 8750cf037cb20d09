package org.vtl.cartridge.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The cartridge layer's port to the pool: whole segments are appended (as full or narrower stripes), synced,
 * read by range and freed. Implementations: {@link FileSegmentStore} (one file, for tests and small setups)
 * and the adapter to the RAID-6 pool.
 *
 * <p>Space is reserved when a segment buffer is claimed, so every block accepted into a claimed segment can be
 * written: a full pool is reported when the next segment is claimed, before a block is accepted, never as a
 * lost buffered write. Allocation state is not persistent here: the catalog owns it and hands the live
 * extents to {@link #recover} at start-up, so segments written but never committed are free again.
 * Thread-safe.
 */
public interface SegmentStore extends AutoCloseable {

    /** Bytes one segment can hold. */
    int segmentCapacity();

    /**
     * Reserves room for one segment and returns a direct buffer of {@link #segmentCapacity()} bytes to fill.
     *
     * @throws SegmentStoreFullException when the pool cannot hold another segment
     */
    ByteBuffer claim() throws IOException;

    /** Writes bytes {@code [0, length)} of a claimed buffer as one extent; the buffer goes back to the store. */
    StoredExtent write(ByteBuffer claimed, int length) throws IOException;

    /**
     * Starts writing bytes {@code [0, length)} of a claimed buffer as one extent and returns at once; the future
     * completes with the extent once it is written (not yet durable: {@link #sync}) or fails with the
     * {@link IOException}. Several writes may be in flight; each is independent. The default writes at once.
     */
    default CompletableFuture<StoredExtent> writeAsync(ByteBuffer claimed, int length) {
        try {
            return CompletableFuture.completedFuture(write(claimed, length));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Gives a claimed buffer back unwritten and drops its reservation. */
    void release(ByteBuffer claimed);

    /** Returns once every extent written so far is on stable storage. */
    void sync() throws IOException;

    /** Reads {@code destination.remaining()} bytes of an extent starting at {@code offset}. */
    void read(StoredExtent extent, int offset, ByteBuffer destination) throws IOException;

    /** Returns an extent's space to the pool. Call only after the catalog no longer refers to it durably. */
    void free(StoredExtent extent) throws IOException;

    /** At start-up: these extents are live; all other space is free. */
    void recover(Iterable<StoredExtent> live) throws IOException;

    /** Bytes still available for new segments. */
    long freeBytes();

    @Override
    void close() throws IOException;
}
