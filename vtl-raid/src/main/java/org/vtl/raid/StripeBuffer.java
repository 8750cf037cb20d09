package org.vtl.raid;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.vtl.raid.io.MemberFile;
import org.vtl.raid.io.StripeTrailerDescriptor;
import org.vtl.raid.layout.StripeLayout;
import org.vtl.raid.parity.PqRecovery;
import org.vtl.raid.parity.PqSyndrome;

/**
 * A pooled, 4 KiB aligned off-heap buffer for one full stripe, handed out by {@link Pool#claim()}.
 * The caller fills {@link #data()} (k x chunk bytes, the data chunks back to back) and passes it to
 * {@link Pool#write}; P, Q, the chunk CRCs and the trailers are then computed in the same memory and the
 * members are written straight from it. After {@code write} the buffer belongs to the pool again (do not
 * touch it, even before the future completes); a claimed buffer that is not written goes back with
 * {@link #release()}, once.
 *
 * <p>Memory: chunks {@code 0..k-1} data, {@code k} P, {@code k+1} Q, (read buffers only) two spare
 * chunks for parity checks, then one 4 KiB trailer per member. All views are built once.
 */
public final class StripeBuffer {

    private final BufferPool home;
    final StripeLayout layout;
    final ByteBuffer data;
    final MemorySegment[] chunkSegments;
    final ByteBuffer[] chunks;
    final ByteBuffer[] trailers;
    final MemorySegment[] roleSegments;
    final MemberWrite[] writes;
    final CRC32C crc = new CRC32C();
    private PqRecovery recovery;

    final AtomicInteger pending = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    volatile CompletableFuture<Extent> future;
    volatile StripeListener listener;
    volatile RaidGroup group;
    volatile long row;
    volatile int width;
    volatile int length;
    volatile int submitted;
    /** Chunks the last read into this buffer rewrote in place. */
    int repaired;

    StripeBuffer(BufferPool home, StripeLayout layout, int spareChunks) {
        this.home = home;
        this.layout = layout;
        int k = layout.dataWidth();
        int n = layout.memberCount();
        int chunk = layout.chunkSize();
        int chunkCount = k + 2 + spareChunks;
        long bytes = (long) chunkCount * chunk + (long) n * StripeTrailerDescriptor.SIZE;
        // Plain NIO direct memory, not an Arena segment: channel I/O on session-backed buffers allocates
        // a releaser per buffer per call, which would show up on every member write.
        ByteBuffer memory = MemberFile.aligned(Math.toIntExact(bytes));
        this.data = memory.slice(0, k * chunk);
        this.chunkSegments = new MemorySegment[chunkCount];
        this.chunks = new ByteBuffer[chunkCount];
        for (int i = 0; i < chunkCount; i++) {
            chunks[i] = memory.slice(i * chunk, chunk);
            chunkSegments[i] = MemorySegment.ofBuffer(chunks[i]);
        }
        this.trailers = new ByteBuffer[n];
        int trailerBase = chunkCount * chunk;
        for (int i = 0; i < n; i++) {
            trailers[i] = memory.slice(trailerBase + i * StripeTrailerDescriptor.SIZE, StripeTrailerDescriptor.SIZE);
        }
        this.roleSegments = new MemorySegment[k + 2];
        this.writes = new MemberWrite[n];
        for (int i = 0; i < n; i++) {
            writes[i] = new MemberWrite(this);
        }
    }

    /**
     * The data region, k x chunk bytes, cleared at claim. Fill it from index 0 (relative or absolute puts);
     * {@link Pool#write} takes bytes {@code [0, length)} whatever the position and limit.
     */
    public ByteBuffer data() {
        return data;
    }

    /** Bytes of data one stripe holds: k x chunk. */
    public int capacity() {
        return data.capacity();
    }

    /** Returns a claimed buffer that will not be written. */
    public void release() {
        home.release(this);
    }

    /** Index into {@link #chunks} of a stripe role: data, then P at k, Q at k+1. */
    int bufferIndex(int role, int stripeWidth) {
        return role < stripeWidth ? role : layout.dataWidth() + (role - stripeWidth);
    }

    /** Chunk view of a role, reset to the whole chunk. */
    ByteBuffer chunk(int role, int stripeWidth) {
        return chunks[bufferIndex(role, stripeWidth)].clear();
    }

    /** Fills {@link #roleSegments} in role order (data, P, Q) for parity and recovery kernels. */
    MemorySegment[] roles(int stripeWidth) {
        for (int role = 0; role < stripeWidth + 2; role++) {
            roleSegments[role] = chunkSegments[bufferIndex(role, stripeWidth)];
        }
        return roleSegments;
    }

    /** CRC32C of a role's whole chunk. */
    int chunkCrc(int role, int stripeWidth) {
        ByteBuffer view = chunk(role, stripeWidth);
        crc.reset();
        crc.update(view);
        view.clear();
        return (int) crc.getValue();
    }

    /** A member writer finished its share; the last one completes the stripe. */
    void memberDone(MemberWrite w, boolean ok) {
        if (!ok) {
            failures.incrementAndGet();
        }
        if (pending.decrementAndGet() == 0) {
            StripeWriter.finish(this, submitted - failures.get());
        }
    }

    PqRecovery recovery(PqSyndrome kernel) {
        if (recovery == null) {
            recovery = new PqRecovery(kernel, layout.chunkSize());
        }
        return recovery;
    }

    /** Home of pooled buffers: a bounded free list; claim blocks when empty. */
    static final class BufferPool {
        private final BoundedRing<StripeBuffer> free;

        BufferPool(StripeLayout layout, int count, int spareChunks) {
            free = new BoundedRing<>(count);
            for (int i = 0; i < count; i++) {
                free.offer(new StripeBuffer(this, layout, spareChunks));
            }
        }

        StripeBuffer claim() throws InterruptedException {
            StripeBuffer b = free.take();
            b.data.clear();
            return b;
        }

        StripeBuffer tryClaim() {
            StripeBuffer b = free.poll();
            if (b != null) {
                b.data.clear();
            }
            return b;
        }

        void release(StripeBuffer b) {
            b.group = null;
            b.future = null;
            b.listener = null;
            free.offer(b);
        }
    }
}
