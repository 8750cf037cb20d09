package org.vtl.cartridge.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.vtl.raid.Extent;
import org.vtl.raid.Pool;
import org.vtl.raid.PoolException;
import org.vtl.raid.StripeBuffer;

/**
 * The {@link SegmentStore} on the RAID-6 {@link Pool}: a segment is one stripe. A full segment is a full-width
 * stripe; a sync point writes a narrower one ({@code ceil(length / chunk)} data chunks). The segment is filled
 * directly in the pool's stripe buffer, where P and Q are then computed, so the payload is not copied again.
 *
 * <p>Space: the pool allocates a row when a stripe is written; this store counts claimed buffers as reserved
 * rows and refuses a claim when free rows minus reservations reach zero, so accepted blocks can always be
 * written. The extent's group, row and width are packed into the address the catalog stores: group (16 bits),
 * width (8 bits), row (40 bits).
 */
public final class PoolSegmentStore implements SegmentStore {

    private final Pool pool;
    private final Map<ByteBuffer, StripeBuffer> claims = new IdentityHashMap<>();

    /** Wraps an open pool; it must have been opened with the live extents ({@link #toPoolExtents}). */
    public PoolSegmentStore(Pool pool) {
        this.pool = pool;
    }

    /** Converts the catalog's extents for {@link Pool#open}. */
    public static List<Extent> toPoolExtents(Iterable<StoredExtent> live) {
        List<Extent> out = new ArrayList<>();
        for (StoredExtent e : live) {
            out.add(toPool(e));
        }
        return out;
    }

    static Extent toPool(StoredExtent e) {
        long a = e.address();
        return new Extent((int) (a >>> 48), a & ((1L << 40) - 1), (int) ((a >>> 40) & 0xFF), e.length());
    }

    static StoredExtent fromPool(Extent e) {
        if (e.row() >= 1L << 40 || e.group() >= 1 << 16 || e.width() > 0xFF) {
            throw new IllegalArgumentException("extent does not fit the packed address: " + e);
        }
        return new StoredExtent(((long) e.group() << 48) | ((long) e.width() << 40) | e.row(), e.length());
    }

    @Override
    public int segmentCapacity() {
        return pool.stripeCapacity();
    }

    @Override
    public ByteBuffer claim() throws IOException {
        synchronized (this) {
            long freeRows = pool.status().freeBytes() / pool.stripeCapacity();
            if (freeRows - claims.size() <= 0) {
                throw new SegmentStoreFullException("the pool has no free stripe row left");
            }
        }
        StripeBuffer buffer;
        try {
            buffer = pool.claim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolException("interrupted waiting for a stripe buffer", e);
        }
        ByteBuffer data = buffer.data();
        synchronized (this) {
            claims.put(data, buffer);
        }
        return data;
    }

    @Override
    public StoredExtent write(ByteBuffer claimed, int length) throws IOException {
        try {
            return writeAsync(claimed, length).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new PoolException("stripe write failed", e);
        }
    }

    /** The stripe's parity is computed on the calling thread; the future waits only for the member writes. */
    @Override
    public CompletableFuture<StoredExtent> writeAsync(ByteBuffer claimed, int length) {
        StripeBuffer buffer;
        synchronized (this) {
            buffer = claims.remove(claimed);
        }
        if (buffer == null) {
            throw new IllegalArgumentException("buffer was not claimed from this store");
        }
        claimed.clear();
        return pool.write(buffer, length).thenApply(PoolSegmentStore::fromPool);
    }

    @Override
    public void release(ByteBuffer claimed) {
        StripeBuffer buffer;
        synchronized (this) {
            buffer = claims.remove(claimed);
        }
        if (buffer != null) {
            buffer.release();
        }
    }

    @Override
    public void sync() throws IOException {
        pool.sync();
    }

    @Override
    public void read(StoredExtent extent, int offset, ByteBuffer destination) throws IOException {
        int wanted = destination.remaining();
        int n = pool.read(toPool(extent), offset, destination);
        if (n != wanted) {
            throw new IOException("extent " + extent + " returned " + n + " of " + wanted + " bytes");
        }
    }

    @Override
    public void free(StoredExtent extent) throws IOException {
        pool.free(toPool(extent));
    }

    @Override
    public void recover(Iterable<StoredExtent> live) {
        // The pool was opened with the live extents; nothing else is allocated.
    }

    @Override
    public long freeBytes() {
        return pool.status().freeBytes();
    }

    @Override
    public void close() throws IOException {
        pool.close();
    }
}
